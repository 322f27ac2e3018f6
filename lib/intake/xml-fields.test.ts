import { describe, expect, it } from "vitest";
import { countXmlFields } from "./xml-fields";

describe("countXmlFields", () => {
  it("counts leaf elements and attributes, not containers", () => {
    expect(countXmlFields('<?xml version="1.0"?><lead><a>1</a><b x="1" y="2"><c>2</c></b><d/></lead>', 100)).toBe(5);
  });

  it("skips comments and CDATA, whatever they hold", () => {
    expect(countXmlFields("<lead><!-- <a>1</a> --><b><![CDATA[<c>x</c>]]></b></lead>", 100)).toBe(1);
  });

  it("stops counting past stopAfter", () => {
    const xml = `<lead>${"<f>1</f>".repeat(10_000)}</lead>`;
    expect(countXmlFields(xml, 500)).toBe(501);
  });

  it("never counts fewer fields than the parser makes", () => {
    expect(countXmlFields("<lead><a><b>1</b><b>2</b></a><c></c></lead>", 100)).toBeGreaterThanOrEqual(2);
  });
});
