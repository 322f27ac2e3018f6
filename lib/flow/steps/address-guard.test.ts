import { describe, expect, it } from "vitest";
import { checkRecipientUrl, isPublicAddress } from "./address-guard";

describe("isPublicAddress", () => {
  it.each(["127.0.0.1", "10.1.2.3", "172.20.0.1", "192.168.1.1", "169.254.169.254", "0.0.0.0", "224.0.0.1", "100.64.0.1", "255.255.255.255"])(
    "refuses the internal IPv4 address %s",
    (address) => expect(isPublicAddress(address)).toBe(false),
  );

  it.each(["::1", "::", "fe80::1", "fd00::1", "ff02::1", "::ffff:127.0.0.1", "::ffff:7f00:1", "::ffff:169.254.169.254", "[::1]"])(
    "refuses the internal IPv6 address %s",
    (address) => expect(isPublicAddress(address)).toBe(false),
  );

  it.each(["8.8.8.8", "93.184.216.34", "2606:4700::1111", "::ffff:8.8.8.8"])("allows the public address %s", (address) => {
    expect(isPublicAddress(address)).toBe(true);
  });

  it("refuses what is not an address", () => expect(isPublicAddress("example.com")).toBe(false));
});

describe("checkRecipientUrl", () => {
  it("refuses a host name that resolves to loopback, naming the address", async () => {
    const check = await checkRecipientUrl("http://localhost:8080/leads");
    expect(check.ok).toBe(false);
    expect(!check.ok && check.message).toMatch(/^localhost is an internal address \((127\.0\.0\.1|::1)\)/);
  });

  it("refuses an internal address literal and another scheme", async () => {
    expect(await checkRecipientUrl("http://[::ffff:a9fe:a9fe]/latest/meta-data")).toMatchObject({ ok: false });
    expect(await checkRecipientUrl("ftp://8.8.8.8/")).toEqual({ ok: false, message: "The recipient URL must start with http:// or https://" });
  });

  it("allows a public address literal", async () => {
    expect(await checkRecipientUrl("https://8.8.8.8/leads")).toEqual({ ok: true });
  });
});
