// 24-character lowercase hex ids laid out as a BSON ObjectId, as LeadConduit's are, so code that
// reads an id as an ObjectId gets its creation time: 4 bytes of seconds since the epoch, 5 random
// bytes chosen once per process, a 3-byte counter that starts at random and counts up (wrapping).
// Order: ids sort by their second; within one second, by process, then counter, so a process's ids
// increase unless its counter wraps (once in 16,777,216 ids). Nothing may rely on more than that:
// leads page by (submitted_at, id), ids only break ties. Ids made before this layout start with 48
// bits of milliseconds (hex "01..."), stay valid, and sort before every new id (hex "6..." onward).
import { randomBytes } from "node:crypto";

const PROCESS_PART = randomBytes(5).toString("hex");
const COUNTER_SPAN = 0x1000000;
let counter = randomBytes(3).readUIntBE(0, 3);

export function newId(now: number = Date.now()): string {
  counter = (counter + 1) % COUNTER_SPAN;
  const seconds = Math.floor(now / 1000);
  return seconds.toString(16).padStart(8, "0") + PROCESS_PART + counter.toString(16).padStart(6, "0");
}

export const isId = (value: string): boolean => /^[0-9a-f]{24}$/.test(value);

/** When an id was made, to the second (its first 4 bytes); null for what is not an id. */
export const idCreatedAt = (id: string): Date | null => (isId(id) ? new Date(parseInt(id.slice(0, 8), 16) * 1000) : null);

