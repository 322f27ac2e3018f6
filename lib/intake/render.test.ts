import { describe, expect, it } from "vitest";
import type { ProcessedLead } from "@/lib/flow/flow-store";
import { renderBody, submitBodyOf } from "./render";

const json = { kind: "json", contentType: "application/json" } as const;
const xml = { kind: "xml", contentType: "text/xml" } as const;
const lead = (outcome: ProcessedLead["outcome"], reason: string | null, price = 0) =>
  ({ id: "5462cdc5869bdb81148ece10", outcome, reason, price }) as ProcessedLead;

describe("submitBodyOf", () => {
  it("answers as LeadConduit does, with reason only when there is one", () => {
    expect(JSON.stringify(submitBodyOf(lead("success", null, 15)))).toBe('{"outcome":"success","lead":{"id":"5462cdc5869bdb81148ece10"},"price":15}');
    expect(JSON.stringify(submitBodyOf(lead("failure", "duplicate")))).toBe(
      '{"outcome":"failure","reason":"duplicate","lead":{"id":"5462cdc5869bdb81148ece10"},"price":0}',
    );
  });
});

describe("renderBody", () => {
  it("wraps the result in <result> for XML, pretty-printed and escaped byte for byte as LeadConduit's xmlbuilder does", () => {
    expect(renderBody(xml, submitBodyOf(lead("failure", "Price < 5 & \"cheap\" 'x'\r\n>")))).toBe(
      [
        '<?xml version="1.0"?>',
        "<result>",
        "  <outcome>failure</outcome>",
        "  <reason>Price &lt; 5 &amp; \"cheap\" 'x'&#xD;\n&gt;</reason>",
        "  <lead>",
        "    <id>5462cdc5869bdb81148ece10</id>",
        "  </lead>",
        "  <price>0</price>",
        "</result>",
      ].join("\n"),
    );
    expect(renderBody(xml, { outcome: "success", price: 15 })).toBe('<?xml version="1.0"?>\n<result>\n  <outcome>success</outcome>\n  <price>15</price>\n</result>');
  });

  it("renders messages as {message} or <error>", () => {
    expect(renderBody(json, { message: "Source is disabled" })).toBe('{"message":"Source is disabled"}');
    expect(renderBody(xml, { message: "Source is disabled" })).toBe('<?xml version="1.0"?>\n<error>\n  <message>Source is disabled</message>\n</error>');
  });
});
