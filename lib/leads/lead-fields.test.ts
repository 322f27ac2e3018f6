import { describe, expect, it } from "vitest";
import { fieldsToShow, truncateText } from "./lead-fields";

describe("lead fields on the lead page", () => {
  it("cuts long text to 200 characters and marks it with …", () => {
    expect(truncateText("short")).toEqual({ text: "short", truncated: false });
    expect(truncateText("x".repeat(200))).toEqual({ text: "x".repeat(200), truncated: false });
    expect(truncateText("x".repeat(201))).toEqual({ text: `${"x".repeat(200)}…`, truncated: true });
  });

  it("counts characters, not UTF-16 units, and never splits one", () => {
    expect(truncateText("😀".repeat(200))).toEqual({ text: "😀".repeat(200), truncated: false });
    expect(truncateText("😀".repeat(201))).toEqual({ text: `${"😀".repeat(200)}…`, truncated: true });
  });

  it("shows at most maxFields fields and says how many are left out", () => {
    const raw = Object.fromEntries(Array.from({ length: 1000 }, (_, i) => [`f${i}`, `v${i}`]));
    const shown = fieldsToShow({ raw, normalized: { f0: { normal: "V0", valid: true } }, labels: new Map([["f0", "First"]]), maxFields: 50 });
    expect(shown.fields).toHaveLength(50);
    expect(shown).toMatchObject({ total: 1000, hidden: 950 });
    expect(shown.fields[0]).toEqual({ id: "f0", label: "First", submitted: "v0", normal: "V0", valid: true, truncated: false });
  });

  it("truncates submitted and normalized values, and field ids", () => {
    const long = "a".repeat(70_000);
    const shown = fieldsToShow({ raw: { [long]: long }, normalized: { [long]: { normal: long, valid: true } }, labels: new Map() });
    const [field] = shown.fields;
    expect([field!.id.length, field!.label.length, field!.submitted.length, field!.normal.length]).toEqual([201, 201, 201, 201]);
    expect(field!.truncated).toBe(true);
  });
});
