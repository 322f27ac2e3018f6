import { describe, expect, it } from "vitest";
import { parseEnv } from "./env-schema";
import { appSecret } from "./secret";

describe("appSecret", () => {
  it("uses LEADPORT_SECRET when set", () => {
    const env = parseEnv({ LEADPORT_SECRET: "x".repeat(40) });
    expect(appSecret(env)).toBe("x".repeat(40));
  });

  it("refuses to run production on PostgreSQL without a secret", () => {
    const env = parseEnv({ NODE_ENV: "production", DATABASE_URL: "postgres://u@localhost/db" });
    expect(() => appSecret(env)).toThrow(/LEADPORT_SECRET is required/);
  });

  it("rejects a short secret when the environment is parsed", () => {
    expect(() => parseEnv({ LEADPORT_SECRET: "short" })).toThrow(/at least 32 characters/);
  });
});
