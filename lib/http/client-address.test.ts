import { describe, expect, it } from "vitest";
import { clientAddressOf, forwardedEntries, normalizeAddress } from "./client-address";

const of = (forwardedFor: string | string[] | undefined, trustProxy: number, socketAddress: string | undefined = "10.0.0.9") =>
  clientAddressOf({ socketAddress, forwardedFor, trustProxy });

describe("clientAddressOf", () => {
  it("uses the socket's address when no proxy is trusted, whatever X-Forwarded-For says", () => {
    expect(of(undefined, 0)).toBe("10.0.0.9");
    expect(of("6.6.6.6", 0)).toBe("10.0.0.9");
    expect(of("6.6.6.6, 7.7.7.7", 0)).toBe("10.0.0.9");
  });

  it("behind one proxy takes the address that proxy appended, not what the client sent", () => {
    expect(of("203.0.113.5", 1)).toBe("203.0.113.5");
    // The client forged "6.6.6.6"; the load balancer appended the address it really saw.
    expect(of("6.6.6.6, 203.0.113.5", 1)).toBe("203.0.113.5");
    expect(of(["6.6.6.6", "203.0.113.5"], 1)).toBe("203.0.113.5");
  });

  it("behind two proxies takes the entry the outer one appended", () => {
    // client -> CDN (appends client) -> load balancer (appends CDN) -> app (socket = load balancer)
    expect(of("203.0.113.5, 198.51.100.7", 2)).toBe("203.0.113.5");
    expect(of("6.6.6.6, 203.0.113.5, 198.51.100.7", 2)).toBe("203.0.113.5");
    expect(of("6.6.6.6, 203.0.113.5, 198.51.100.7", 1)).toBe("198.51.100.7");
  });

  it("falls back to the leftmost entry when there are fewer entries than trusted proxies", () => {
    expect(of("203.0.113.5", 3)).toBe("203.0.113.5");
    expect(of(undefined, 1)).toBe("10.0.0.9");
    expect(of("", 2)).toBe("10.0.0.9");
  });

  it("says unknown only when there is no address at all", () => {
    expect(clientAddressOf({ socketAddress: undefined, forwardedFor: undefined, trustProxy: 0 })).toBe("unknown");
    expect(clientAddressOf({ socketAddress: undefined, forwardedFor: "", trustProxy: 1 })).toBe("unknown");
  });
});

describe("normalizeAddress", () => {
  it("gives one form per client", () => {
    expect(normalizeAddress("::ffff:127.0.0.1")).toBe("127.0.0.1");
    expect(normalizeAddress(" 1.2.3.4:5678 ")).toBe("1.2.3.4");
    expect(normalizeAddress("[2001:DB8::1]:443")).toBe("2001:db8::1");
    expect(normalizeAddress("2001:db8::1")).toBe("2001:db8::1");
  });

  it("caps what an attacker can put in a throttle key", () => {
    expect(normalizeAddress("x".repeat(10_000))).toHaveLength(64);
  });
});

describe("forwardedEntries", () => {
  it("splits, trims and drops empty entries", () => {
    expect(forwardedEntries(" a , ,b,")).toEqual(["a", "b"]);
    expect(forwardedEntries(undefined)).toEqual([]);
  });
});
