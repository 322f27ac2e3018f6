import { describe, expect, it } from "vitest";
import { randomToken } from "./crypto";
import { envSchema, parseEnv } from "./env-schema";

describe("DEMO_PASSWORD", () => {
  it("follows the password rule every chosen password does", () => {
    expect(() => parseEnv({ DEMO_PASSWORD: "nine-char" })).toThrow("DEMO_PASSWORD: Use at least 10 characters. (the rule for every password)");
    expect(() => parseEnv({ DEMO_PASSWORD: "x".repeat(12) })).toThrow(/Use more than one distinct character/);
    expect(parseEnv({ DEMO_PASSWORD: "ten-chars!" }).DEMO_PASSWORD).toBe("ten-chars!");
  });

  it("reads empty, as .env.example leaves it, as unset", () => {
    expect(parseEnv({ DEMO_PASSWORD: "" }).DEMO_PASSWORD).toBeUndefined();
    expect(parseEnv({}).DEMO_PASSWORD).toBeUndefined();
  });

  it("is satisfied by the random password the demo seed makes when it is unset", () => {
    // db/seed-demo.ts: randomToken(12), 16 base64url characters.
    for (let i = 0; i < 50; i++) {
      const password = randomToken(12);
      expect(parseEnv({ DEMO_PASSWORD: password }).DEMO_PASSWORD).toBe(password);
    }
  });
});

describe("the limits of issue #13", () => {
  it("default as docs/deploy.md's Limits table says", () => {
    expect(parseEnv({})).toMatchObject({
      IMPORT_MAX_BYTES: 512 * 1024 * 1024,
      IMPORT_MAX_ACTIVE_PER_SOURCE: 2,
      IMPORT_STORAGE_QUOTA_BYTES: 5 * 1024 * 1024 * 1024,
      IMPORT_FILE_RETENTION_DAYS: 30,
      LEAD_MAX_FIELDS: 500,
      RECIPIENT_MAX_CONCURRENCY_PER_HOST: 6,
    });
    expect(parseEnv({}).RECIPIENT_ALLOW_PRIVATE).not.toBe(true);
  });

  it("take operators' values and refuse nonsense", () => {
    expect(parseEnv({ IMPORT_MAX_ACTIVE_PER_SOURCE: "4", RECIPIENT_ALLOW_PRIVATE: "true", LEAD_MAX_FIELDS: "1000" })).toMatchObject({
      IMPORT_MAX_ACTIVE_PER_SOURCE: 4,
      RECIPIENT_ALLOW_PRIVATE: true,
      LEAD_MAX_FIELDS: 1000,
    });
    for (const bad of [{ IMPORT_MAX_ACTIVE_PER_SOURCE: "0" }, { IMPORT_FILE_RETENTION_DAYS: "-1" }, { LEAD_MAX_FIELDS: "many" }]) expect(() => parseEnv(bad)).toThrow();
  });
});

describe("APP_URL", () => {
  it("defaults to this server on the port it listens on", () => {
    expect(parseEnv({}).APP_URL).toBe("http://localhost:3000");
    expect(parseEnv({ PORT: "4100" }).APP_URL).toBe("http://localhost:4100");
    expect(parseEnv({ PORT: "4100", APP_URL: "https://leads.example.com" }).APP_URL).toBe("https://leads.example.com");
  });
});

describe("APP_URL left empty, as .env.example leaves it", () => {
  it("reads as unset wherever the environment is parsed", () => {
    expect(parseEnv({ APP_URL: "", PORT: "4100" }).APP_URL).toBe("http://localhost:4100");
    expect(envSchema.pick({ APP_URL: true }).parse({ APP_URL: "" }).APP_URL).toBe("http://localhost:3000");
  });
});
