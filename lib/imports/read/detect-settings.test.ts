import { describe, expect, it } from "vitest";
import { detectSettings } from "./detect-settings";
import { SNIFF_MESSAGES } from "./sniff";

const bytes = (text: string) => new TextEncoder().encode(text);

describe("detectSettings", () => {
  it("reads a plain UTF-8 comma file with a header", () => {
    expect(detectSettings(bytes("Email,Phone\na@b.co,5125550100\n"))).toEqual({
      kind: "text",
      settings: { encoding: "utf-8", delimiter: ",", header: true },
    });
  });

  it("sees semicolons and a first row of data", () => {
    const result = detectSettings(bytes("a@b.co;5125550100;TX\nc@d.co;5125550101;VA\n"));
    expect(result).toEqual({ kind: "text", settings: { encoding: "utf-8", delimiter: ";", header: false } });
  });

  it("takes Windows-1252 for bytes that are not UTF-8", () => {
    const latin = Uint8Array.from([...bytes("Name\tCity\nJos"), 0xe9, ...bytes("\tSalem\n")]);
    expect(detectSettings(latin)).toMatchObject({ settings: { encoding: "windows-1252", delimiter: "\t" } });
  });

  it("reads UTF-16 with a byte order mark", () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("Email|Phone\r\nx@y.co|5125550100\r\n", "utf16le")]);
    expect(detectSettings(utf16)).toMatchObject({ settings: { encoding: "utf-16le", delimiter: "|", header: true } });
  });

  it("keeps what the person chose over what it would detect", () => {
    const result = detectSettings(bytes("Email,Phone\na@b.co,5125550100\n"), { header: false, delimiter: ";" });
    expect(result).toMatchObject({ settings: { delimiter: ";", header: false } });
  });

  it("detects from the complete lines when the sample ends inside a quoted value", () => {
    expect(detectSettings(bytes('Email,Notes\na@b.co,"open quote\nstill going'))).toMatchObject({ settings: { header: true } });
  });

  it("refuses an Excel workbook saved with a .csv name", () => {
    const xlsx = Uint8Array.from([0x50, 0x4b, 0x03, 0x04, ...bytes("....[Content_Types].xml")]);
    expect(detectSettings(xlsx)).toEqual({ kind: "refused", message: SNIFF_MESSAGES.excel });
  });
});
