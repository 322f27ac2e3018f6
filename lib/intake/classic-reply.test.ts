import { describe, expect, it } from "vitest";
import { classicBody } from "./classic-reply";

describe("classicBody", () => {
  it("is LeadConduit Classic's <response>, reason only when there is one", () => {
    expect(classicBody({ outcome: "success", lead: { id: "6b14b7179e4df578f05bfd78" }, price: 15 }, "https://leads.example/leads/6b14b7179e4df578f05bfd78")).toBe(
      [
        '<!DOCTYPE response SYSTEM "https://app.leadconduit.com/dtd/response-v2-basic.dtd">',
        "<response>",
        "  <result>success</result>",
        "  <leadId>6b14b7179e4df578f05bfd78</leadId>",
        "  <url>",
        "    <![CDATA[https://leads.example/leads/6b14b7179e4df578f05bfd78]]>",
        "  </url>",
        "  <price>15</price>",
        "</response>",
      ].join("\n"),
    );
  });

  it("escapes the reason and keeps it between result and leadId", () => {
    const xml = classicBody({ outcome: "failure", reason: "Price < 5 & cheap\r", lead: { id: "a".repeat(24) }, price: 0 }, "https://x.example/?a=]]>");
    expect(xml).toContain("<result>failure</result>\n  <reason>Price &lt; 5 &amp; cheap&#xD;</reason>\n  <leadId>");
    expect(xml).toContain("<url>\n    <![CDATA[https://x.example/?a=]]]]><![CDATA[>]]>\n  </url>");
  });
});
