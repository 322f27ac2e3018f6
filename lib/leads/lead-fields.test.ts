import { describe, expect, it } from "vitest";
import { fieldLabel, fieldsToShow, orderFieldIds, truncateText } from "./lead-fields";

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
    const shown = fieldsToShow({ raw, normalized: { f0: { normal: "V0", valid: true } }, flowFields: [{ id: "f0", label: "First" }], maxFields: 50 });
    expect(shown.fields).toHaveLength(50);
    expect(shown).toMatchObject({ total: 1000, hidden: 950 });
    expect(shown.fields[0]).toEqual({ id: "f0", label: "First", submitted: "v0", normal: "V0", valid: true, truncated: false });
  });

  it("truncates submitted and normalized values, and field ids", () => {
    const long = "a".repeat(70_000);
    const shown = fieldsToShow({ raw: { [long]: long }, normalized: { [long]: { normal: long, valid: true } }, flowFields: [] });
    const [field] = shown.fields;
    expect([field!.id.length, field!.label.length, field!.submitted.length, field!.normal.length]).toEqual([201, 201, 201, 201]);
    expect(field!.truncated).toBe(true);
  });

  it("orders fields as the flow lists them, then standard fields in catalog order, then the rest by id", () => {
    expect(orderFieldIds(["zz_extra", "ip_address", "a_extra", "phone_2", "email", "first_name"], ["first_name", "last_name", "email"])).toEqual([
      "first_name",
      "email",
      "phone_2",
      "ip_address",
      "a_extra",
      "zz_extra",
    ]);
    expect(orderFieldIds(["email", "first_name"], ["email", "first_name"])).toEqual(["email", "first_name"]);
    expect(orderFieldIds([], ["first_name"])).toEqual([]);
    expect(orderFieldIds(["b", "a"], [])).toEqual(["a", "b"]);
  });

  it("labels a field by the flow's label, else the catalog's, else its id", () => {
    const flow = new Map([["phone_1", "Mobile"], ["custom_x", "Loan amount"], ["blank", "  "]]);
    expect(fieldLabel("phone_1", flow)).toBe("Mobile");
    expect(fieldLabel("custom_x", flow)).toBe("Loan amount");
    expect(fieldLabel("phone_2", flow)).toBe("Phone 2");
    expect(fieldLabel("ip_address", flow)).toBe("IP Address");
    expect(fieldLabel("blank", flow)).toBe("blank");
    expect(fieldLabel("made_up", flow)).toBe("made_up");
  });

  it("shows a stored lead in the flow's order with labels, extras last, the cap counted after ordering", () => {
    const raw = { ip_address: "1.2.3.4", phone_2: "512 555 0100", extra: "x", first_name: "Elizabeth", email: "E@x.com" };
    const normalized = { ip_address: { normal: "1.2.3.4", valid: true }, first_name: { normal: "Elizabeth", valid: true } };
    const flowFields = [{ id: "first_name", label: "First Name" }, { id: "email", label: "Email" }, { id: "phone_2", label: "" }];
    const shown = fieldsToShow({ raw, normalized, flowFields });
    expect(shown.fields.map((f) => [f.id, f.label])).toEqual([
      ["first_name", "First Name"],
      ["email", "Email"],
      ["phone_2", "Phone 2"],
      ["ip_address", "IP Address"],
      ["extra", "extra"],
    ]);
    const capped = fieldsToShow({ raw, normalized, flowFields, maxFields: 2 });
    expect(capped.fields.map((f) => f.id)).toEqual(["first_name", "email"]);
    expect(capped).toMatchObject({ total: 5, hidden: 3 });
  });
});
