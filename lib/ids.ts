// 24-character lowercase hex ids that sort by creation time, as LeadConduit's do:
// 12 hex digits of milliseconds since the epoch, then 12 of a per-process counter seeded at random.
// Ids from one process are strictly increasing; across processes they sort by millisecond.
import { randomBytes } from "node:crypto";

let lastMs = 0;
let counter = randomCounter();

export function newId(now: number = Date.now()): string {
  if (now > lastMs) {
    lastMs = now;
    // Re-seed at random in the lower half so ids from different processes rarely collide.
    counter = randomCounter();
  } else {
    counter += 1;
  }
  return lastMs.toString(16).padStart(12, "0") + counter.toString(16).padStart(12, "0").slice(-12);
}

export const isId = (value: string): boolean => /^[0-9a-f]{24}$/.test(value);

// 47 random bits: leaves room to count up within a millisecond without overflowing 12 hex digits.
function randomCounter(): number {
  return randomBytes(6).readUIntBE(0, 6) % 2 ** 47;
}
