import { describe, expect, it } from "vitest";
import { parseBody } from "./parse-body";

describe("parseBody", () => {
  it("reads form fields, keeping dotted keys and listing repeated ones", () => {
    expect(parseBody("form", "first_name=John+Q&mortgage.property.state=TX&tag=a&tag=b&email=jdoe%40test.com")).toEqual({
      ok: true,
      data: { first_name: "John Q", "mortgage.property.state": "TX", tag: ["a", "b"], email: "jdoe@test.com" },
    });
  });

  it("reads a JSON object", () => {
    expect(parseBody("json", '{"email":"a@b.co","mortgage":{"property":{"state":"TX"}}}')).toEqual({
      ok: true,
      data: { email: "a@b.co", mortgage: { property: { state: "TX" } } },
    });
  });

  it("retries JSON without the CR, LF and TAB characters left inside strings", () => {
    expect(parseBody("json", '{"comments":"line one\r\nline\ttwo"}')).toEqual({ ok: true, data: { comments: "line onelinetwo" } });
  });

  it.each([
    ["{nope", /^Unable to parse JSON -- .+\.$/],
    ["[1,2]", /^Unable to parse JSON -- the body is not a JSON object\.$/],
    ["null", /^Unable to parse JSON -- the body is not a JSON object\.$/],
  ])("refuses %j with a message", (text, message) => {
    const result = parseBody("json", text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(message);
  });

  it("reads XML without its root element, with attributes beside child elements", () => {
    const xml = '<?xml version="1.0"?><lead source="web"><first_name>John</first_name><zip>00501</zip><mortgage><state>TX</state></mortgage></lead>';
    expect(parseBody("xml", xml)).toEqual({ ok: true, data: { source: "web", first_name: "John", zip: "00501", mortgage: { state: "TX" } } });
  });

  it("decodes XML entities and CDATA", () => {
    expect(parseBody("xml", "<lead><company>A &amp; B</company><comments><![CDATA[<b>hi</b>]]></comments></lead>")).toEqual({
      ok: true,
      data: { company: "A & B", comments: "<b>hi</b>" },
    });
  });

  it("refuses XML that is not well-formed, saying where", () => {
    const result = parseBody("xml", "<lead><email>a@b.co</lead>");
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(/^Body does not contain XML or XML is unparseable -- .+ \(line 1\)\.$/);
  });
});
