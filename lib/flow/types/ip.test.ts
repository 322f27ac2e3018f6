import { describe, expect, it } from "vitest";
import { ipType } from "./ip";

describe("ip", () => {
  it.each([
    ["203.0.113.7", "203.0.113.7"],
    [" 203.0.113.7 ", "203.0.113.7"],
    ["203.0.113.7:8080", "203.0.113.7"],
    ["http://198.51.90.161", "198.51.90.161"],
    ["https://198.51.90.161:8443/form?x=1", "198.51.90.161"],
    ["198.51.90.161/32", "198.51.90.161"],
    ["198.51.90.161:8080", "198.51.90.161"],
    [" 198.51.90.161 ", "198.51.90.161"],
    ["0.0.0.0", "0.0.0.0"],
    // A URL pasted without its scheme.
    ["198.51.90.161/landing?utm=x", "198.51.90.161"],
    ["198.51.90.161:8080/form", "198.51.90.161"],
    ["1.2.3.4/", "1.2.3.4"],
    // Spaces a form or a copy added beside the dots.
    ["  203. 0 .113. 7 ", "203.0.113.7"],
    ["http:// 203.0.113.7 /form", "203.0.113.7"],
  ])("reads the IPv4 address %j", (raw, normal) => {
    expect(ipType.parse(raw)).toEqual({ raw, normal, valid: true, is_ipv4: true, is_ipv6: false });
  });

  it.each([
    ["2001:db8::1", "2001:db8::1"],
    ["2001:DB8::1", "2001:db8::1"],
    ["[2001:db8::1]", "2001:db8::1"],
    ["[2001:db8::1]:443", "2001:db8::1"],
    ["::1", "::1"],
    ["2001:0db8:0000:0000:0000:0000:0000:0001", "2001:db8::1"],
    ["2001:db8:0:0:1:0:0:1", "2001:db8::1:0:0:1"],
    ["2001:db8:0:1:1:1:1:1", "2001:db8:0:1:1:1:1:1"],
    ["2001:DB8:0:0:0:0:0:0", "2001:db8::"],
    ["0:0:0:0:0:0:0:0", "::"],
    ["0::0", "::"],
    ["2001:db8::0:1", "2001:db8::1"],
    ["2001:db8:aaaa:bbbb:cccc:dddd:0:1", "2001:db8:aaaa:bbbb:cccc:dddd:0:1"],
    ["2001:db8:0:0:1:0:0:0", "2001:db8:0:0:1::"],
    ["::FFFF:c000:0201", "::ffff:192.0.2.1"],
    ["::ffff:192.0.2.1", "::ffff:192.0.2.1"],
    ["64:ff9b::192.0.2.33", "64:ff9b::c000:221"],
    ["http://[2001:DB8::1]:8080/", "2001:db8::1"],
    ["2001:db8::1/64", "2001:db8::1"],
    ["fe80::0001%eth0", "fe80::1%eth0"],
    ["[2001:db8::1]/form", "2001:db8::1"],
    ["2001:db8: 0:1:1:1: 1:1", "2001:db8:0:1:1:1:1:1"],
    ["http://[ 2001:db8::7 ]:8080", "2001:db8::7"],
    // Eight full groups and a ninth: the ninth is a port.
    ["2001:db8:0:1:1:1:1:1:8443", "2001:db8:0:1:1:1:1:1"],
  ])("reads the IPv6 address %j", (raw, normal) => {
    expect(ipType.parse(raw)).toEqual({ raw, normal, valid: true, is_ipv4: false, is_ipv6: true });
  });

  it.each(["999.1.1.1", "1.2.3", "localhost", "2001:db8::1:80:zz", "010.0.0.1", "1.2.3.04", "ftp://localhost", "1.2.3.4:", "1.2.3.4:x/form", "1.2.3.45.6/form", "1.2.3.4.5", "2001:db8:::1", "20 3.0.113.7", "2001:db8:0:1:1:1:1:1:123456"])("marks %j invalid", (raw) => {
    expect(ipType.parse(raw)).toEqual({ raw, normal: raw, valid: false });
  });

  it("returns a blank value for whitespace", () => {
    expect(ipType.parse(" ")).toEqual({ raw: " ", normal: null, valid: false });
  });
});
