import { describe, expect, it } from "vitest";
import { ipType } from "./ip";

describe("ip", () => {
  it.each([
    ["203.0.113.7", "203.0.113.7"],
    [" 203.0.113.7 ", "203.0.113.7"],
    ["203.0.113.7:8080", "203.0.113.7"],
  ])("reads the IPv4 address %j", (raw, normal) => {
    expect(ipType.parse(raw)).toEqual({ raw, normal, valid: true, is_ipv4: true, is_ipv6: false });
  });

  it.each([
    ["2001:db8::1", "2001:db8::1"],
    ["2001:DB8::1", "2001:db8::1"],
    ["[2001:db8::1]", "2001:db8::1"],
    ["[2001:db8::1]:443", "2001:db8::1"],
    ["::1", "::1"],
  ])("reads the IPv6 address %j", (raw, normal) => {
    expect(ipType.parse(raw)).toEqual({ raw, normal, valid: true, is_ipv4: false, is_ipv6: true });
  });

  it.each(["999.1.1.1", "1.2.3", "localhost", "2001:db8::1:80:zz"])("marks %j invalid", (raw) => {
    expect(ipType.parse(raw)).toEqual({ raw, normal: raw, valid: false });
  });

  it("returns a blank value for whitespace", () => {
    expect(ipType.parse(" ")).toEqual({ raw: " ", normal: null, valid: false });
  });
});
