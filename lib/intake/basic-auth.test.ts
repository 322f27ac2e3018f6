import { describe, expect, it } from "vitest";
import { hashApiKey } from "@/lib/sources/tokens";
import { isAuthorized, readBasicAuth } from "./basic-auth";

const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString("base64")}`;
const source = { requireApiKey: true };
let lookups = 0;
const currentHash = async () => {
  lookups++;
  return hashApiKey("lpk_secret");
};

describe("basic auth", () => {
  it("reads user and password, the password may hold colons", () => {
    expect(readBasicAuth(basic("API", "a:b"))).toEqual({ user: "API", password: "a:b" });
    expect(readBasicAuth("Bearer xyz")).toBeNull();
    expect(readBasicAuth(null)).toBeNull();
  });

  it("lets in the source's API key with user API", async () => {
    expect(await isAuthorized(basic("API", "lpk_secret"), source, currentHash)).toBe(true);
    expect(await isAuthorized(basic("api", "lpk_secret"), source, currentHash)).toBe(true);
  });

  it.each([
    ["a wrong key", basic("API", "lpk_wrong")],
    ["another user", basic("admin", "lpk_secret")],
    ["no credentials", null],
  ])("refuses %s when the source requires its key", async (_, header) => {
    expect(await isAuthorized(header, source, currentHash)).toBe(false);
  });

  it("lets anyone in when the source does not require its key, without reading the key", async () => {
    lookups = 0;
    expect(await isAuthorized(null, { requireApiKey: false }, currentHash)).toBe(true);
    expect(await isAuthorized(basic("API", "lpk_wrong"), { requireApiKey: false }, currentHash)).toBe(true);
    expect(lookups).toBe(0);
  });

  it("refuses every key once the source has none (deleted meanwhile)", async () => {
    expect(await isAuthorized(basic("API", "lpk_secret"), source, async () => null)).toBe(false);
  });
});
