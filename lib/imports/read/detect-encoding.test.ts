import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createDecoder, detectEncoding, type TextEncoding, withoutIncompleteTail } from "./detect-encoding";

const utf8 = (text: string) => new Uint8Array(Buffer.from(text, "utf8"));

async function decodeInChunks(bytes: Uint8Array, encoding: TextEncoding, chunkSize: number): Promise<string> {
  const chunks: Buffer[] = [];
  for (let start = 0; start < bytes.length; start += chunkSize) {
    chunks.push(Buffer.from(bytes.subarray(start, start + chunkSize)));
  }
  let text = "";
  for await (const piece of Readable.from(chunks).pipe(createDecoder(encoding))) {
    expect(typeof piece).toBe("string");
    text += String(piece);
  }
  return text;
}

describe("detectEncoding", () => {
  it("reads plain ASCII and valid UTF-8 as utf-8", () => {
    expect(detectEncoding(utf8("a,b\n1,2\n"))).toEqual({ encoding: "utf-8", bomLength: 0 });
    expect(detectEncoding(utf8("name\nJosé,Zoë,Nguyễn\n"))).toEqual({ encoding: "utf-8", bomLength: 0 });
  });

  it("recognises the UTF-8 byte order mark Excel writes for CSV UTF-8", () => {
    expect(detectEncoding(utf8("\ufeffa,b\n"))).toEqual({ encoding: "utf-8-bom", bomLength: 3 });
  });

  it("recognises UTF-16 by its byte order mark, both byte orders", () => {
    const le = Buffer.from("\ufeffa,b\n", "utf16le");
    expect(detectEncoding(le)).toEqual({ encoding: "utf-16le", bomLength: 2 });
    expect(detectEncoding(Buffer.from(le).swap16())).toEqual({ encoding: "utf-16be", bomLength: 2 });
  });

  it("falls back to windows-1252 when the bytes are not valid UTF-8", () => {
    const latin = Uint8Array.from([...Buffer.from("Jos"), 0xe9, ...Buffer.from(",caf"), 0xe9, 0x0a]);
    expect(detectEncoding(latin)).toEqual({ encoding: "windows-1252", bomLength: 0 });
  });

  it("does not mistake a head cut inside a multi-byte character for invalid UTF-8", () => {
    const full = utf8("name\nNguyễn 😀");
    for (let cut = 1; cut <= 3; cut += 1) {
      expect(detectEncoding(full.subarray(0, full.length - cut)).encoding).toBe("utf-8");
    }
  });

  it("still rejects an invalid byte followed by a complete character at the end", () => {
    expect(detectEncoding(Uint8Array.from([0x61, 0xe9, 0x62])).encoding).toBe("windows-1252");
  });
});

describe("withoutIncompleteTail", () => {
  it("trims only an incomplete trailing sequence", () => {
    const euro = utf8("€"); // three bytes
    expect(withoutIncompleteTail(euro)).toEqual(euro);
    expect(withoutIncompleteTail(euro.subarray(0, 2))).toEqual(new Uint8Array());
    expect(withoutIncompleteTail(utf8("ab"))).toEqual(utf8("ab"));
  });
});

describe("createDecoder", () => {
  it("strips the UTF-8 BOM and keeps characters split across chunks whole", async () => {
    const bytes = utf8("\ufeffname,city\nZoë,Zürich 😀\n");
    expect(await decodeInChunks(bytes, "utf-8-bom", 1)).toBe("name,city\nZoë,Zürich 😀\n");
    expect(await decodeInChunks(bytes, "utf-8", 2)).toBe("name,city\nZoë,Zürich 😀\n");
  });

  it("decodes Windows-1252, including the bytes that differ from Latin-1", async () => {
    const bytes = Uint8Array.from([0x43, 0x61, 0x66, 0xe9, 0x20, 0x80, 0x35, 0x20, 0x93, 0x6f, 0x6b, 0x94]);
    expect(await decodeInChunks(bytes, "windows-1252", 3)).toBe("Café €5 “ok”");
  });

  it("decodes UTF-16 in both byte orders and strips the BOM, even split mid-unit", async () => {
    const le = Buffer.from("\ufeffa,b\nZoë,😀\n", "utf16le");
    expect(await decodeInChunks(le, "utf-16le", 3)).toBe("a,b\nZoë,😀\n");
    expect(await decodeInChunks(Buffer.from(le).swap16(), "utf-16be", 1)).toBe("a,b\nZoë,😀\n");
  });

  it("turns invalid UTF-8 later in a UTF-8 file into U+FFFD instead of failing", async () => {
    const bytes = Uint8Array.from([...utf8("a,b\n1,"), 0xff, 0xfe, ...utf8("x\n")]);
    const text = await decodeInChunks(bytes, "utf-8", 4);
    expect(text.startsWith("a,b\n1,")).toBe(true);
    expect(text.endsWith("x\n")).toBe(true);
    expect(text).toContain("\ufffd");
  });
});
