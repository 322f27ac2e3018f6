import { describe, expect, it } from "vitest";
import { hashApiKey } from "@/lib/sources/tokens";
import { isAuthorized, readBasicAuth } from "./basic-auth";

const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString("base64")}`;
const source = { requireApiKey: true, apiKeyHash: hashApiKey("lpk_secret") };

describe("basic auth", () => {
  it("reads user and password, the password may hold colons", () => {
    expect(readBasicAuth(basic("API", "a:b"))).toEqual({ user: "API", password: "a:b" });
    expect(readBasicAuth("Bearer xyz")).toBeNull();
    expect(readBasicAuth(null)).toBeNull();
  });

  it("lets in the source's API key with user API", () => {
    expect(isAuthorized(basic("API", "lpk_secret"), source)).toBe(true);
    expect(isAuthorized(basic("api", "lpk_secret"), source)).toBe(true);
  });

  it.each([
    ["a wrong key", basic("API", "lpk_wrong")],
    ["another user", basic("admin", "lpk_secret")],
    ["no credentials", null],
  ])("refuses %s when the source requires its key", (_, header) => {
    expect(isAuthorized(header, source)).toBe(false);
  });

  it("lets anyone in when the source does not require its key", () => {
    expect(isAuthorized(null, { ...source, requireApiKey: false })).toBe(true);
  });
});
