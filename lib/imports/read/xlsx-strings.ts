// A workbook's shared-strings table (each distinct text once, referred to by index from the cells),
// kept in a temporary file instead of memory: it grows with the workbook's distinct text (a million
// unique emails), so holding it would make memory scale with the file. Memory keeps one number per
// string (its offset); the text is read back with one positioned read per cell that refers to it.
import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const FLUSH_BYTES = 64 * 1024;

/** get(): null for an index the table does not have. */
export type StringSpill = { add(text: string): void; get(index: number): string | null; close(): void };

export function createStringSpill(): StringSpill {
  const dir = mkdtempSync(join(tmpdir(), "leadport-xlsx-"));
  const fd = openSync(join(dir, "strings"), "w+");
  // starts[i] is where string i begins; string i ends where i + 1 begins (or at `written`).
  let starts = new Float64Array(1024);
  let count = 0;
  let written = 0;
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let closed = false;

  function flush() {
    if (pendingBytes === 0) return;
    const data = Buffer.concat(pending);
    writeSync(fd, data, 0, data.length, written);
    written += data.length;
    pending = [];
    pendingBytes = 0;
  }

  return {
    add(text) {
      if (count === starts.length) {
        const grown = new Float64Array(starts.length * 2);
        grown.set(starts);
        starts = grown;
      }
      const bytes = Buffer.from(text, "utf8");
      starts[count++] = written + pendingBytes;
      pending.push(bytes);
      pendingBytes += bytes.length;
      if (pendingBytes >= FLUSH_BYTES) flush();
    },
    get(index) {
      if (!Number.isInteger(index) || index < 0 || index >= count) return null;
      flush();
      const start = starts[index]!;
      const end = index + 1 < count ? starts[index + 1]! : written;
      const bytes = Buffer.alloc(end - start);
      if (bytes.length > 0) readSync(fd, bytes, 0, bytes.length, start);
      return bytes.toString("utf8");
    },
    close() {
      if (closed) return;
      closed = true;
      closeSync(fd);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
