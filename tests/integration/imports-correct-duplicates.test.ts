// Fixing rows in place (issue #16) checks a row "with the same rules as validation", and validation
// marks a row repeating an earlier line of the file (duplicate_of_line). So a corrected row that now
// repeats another line is marked at once, and a fix that ends a repeat clears the mark, with the
// first line of a key always the one the others repeat, as validation would have left them.
import { afterAll, describe, expect, it } from "vitest";
import { getDatabase } from "@/db";
import { stopQueue } from "@/lib/imports/jobs/queue";
import { basic, callImport, json } from "../helpers/imports";
import { duplicateMarks, newFixAccount, patchRow, replaceRows, uploadAndValidate } from "../helpers/correct-rows";

afterAll(() => stopQueue(getDatabase()));

type RowReply = { line: number; problems: unknown[]; duplicateOfLine: number | null; import: { invalid: number; duplicates: number } };
const ANN = { Email: "ann@example.com", Phone: "5125550100" };

describe("a corrected row among the file's duplicates", () => {
  it("is marked a repeat of the earlier line it now matches", async () => {
    const target = await newFixAccount("dup");
    const id = await uploadAndValidate(target);
    const reply = await json<RowReply>(patchRow(id, 3, ANN, basic(target.apiKey)));
    expect(reply).toMatchObject({ line: 3, problems: [], duplicateOfLine: 2, import: { invalid: 4, duplicates: 2 } });
    expect(await duplicateMarks(id)).toMatchObject({ 2: null, 3: 2, 7: 2 });
    // Fixed again to someone new: the mark goes, and the count with it.
    expect(await json<RowReply>(patchRow(id, 3, { Email: "bob@example.com", Phone: "" }, basic(target.apiKey)))).toMatchObject({
      duplicateOfLine: null,
      import: { duplicates: 1 },
    });
  });

  it("takes the key from a later line, which then repeats it, as validation keeps the first line", async () => {
    const target = await newFixAccount("dup");
    const id = await uploadAndValidate(target);
    await json(patchRow(id, 6, { State: "TX" }, basic(target.apiKey))); // Eve, line 6, now valid: holds her key
    const reply = await json<RowReply>(patchRow(id, 4, { State: "TX", Email: "eve@example.com", Phone: "5125550104" }, basic(target.apiKey)));
    expect(reply).toMatchObject({ duplicateOfLine: null, import: { duplicates: 2 } });
    expect(await duplicateMarks(id)).toMatchObject({ 4: null, 6: 4 });
    // Line 4 back to Cy: line 6 holds Eve's key again and repeats nothing.
    expect(await json<RowReply>(patchRow(id, 4, { Email: "cy@example.com", Phone: "5125550102" }, basic(target.apiKey)))).toMatchObject({
      duplicateOfLine: null,
      import: { duplicates: 1 },
    });
    expect(await duplicateMarks(id)).toMatchObject({ 4: null, 6: null });
  });

  it("hands a key on to the next line when the first line with it changes, and its repeats follow", async () => {
    const target = await newFixAccount("dup");
    const id = await uploadAndValidate(target);
    await json(patchRow(id, 3, ANN, basic(target.apiKey))); // lines 3 and 7 repeat line 2
    expect(await json<RowReply>(patchRow(id, 2, { Email: "ann2@example.com" }, basic(target.apiKey)))).toMatchObject({
      duplicateOfLine: null,
      import: { duplicates: 1 },
    });
    expect(await duplicateMarks(id)).toMatchObject({ 2: null, 3: null, 7: 3 });
    // Line 2 becomes invalid: it holds no key, and line 3 stays the first with Ann's.
    expect(await json<RowReply>(patchRow(id, 2, { Email: "", Phone: "" }, basic(target.apiKey)))).toMatchObject({ duplicateOfLine: null, import: { invalid: 5, duplicates: 1 } });
    expect(await duplicateMarks(id)).toMatchObject({ 3: null, 7: 3 });
  });

  it("marks repeats made by replacing in a column, and the problems list and import counts agree", async () => {
    const target = await newFixAccount("dup");
    const file = ["First Name,Email,Phone,State", "A,a@example.com,5125550100,TX", "A,a@example.com,5125550100,XX", "A,a@example.com,5125550100,XX", "B,b@example.com,5125550101,XX"].join("\n");
    const id = await uploadAndValidate(target, file);
    expect(await json(callImport(id, "status", { auth: target.apiKey }))).toMatchObject({ invalid: 3, duplicates: 0 });
    const replaced = await json<{ corrected: number; fixed: number; import: { invalid: number; duplicates: number } }>(
      replaceRows(id, { column: "State", find: "XX", replace: "TX" }, basic(target.apiKey)),
    );
    expect(replaced).toMatchObject({ corrected: 3, fixed: 1, import: { invalid: 0, duplicates: 2 } });
    expect(await duplicateMarks(id)).toEqual({ 2: null, 3: 2, 4: 2, 5: null });
    const duplicates = await json<{ rows: Array<{ line: number }> }>(callImport(id, "problems", { auth: target.apiKey, query: "kind=duplicate" }));
    expect(duplicates.rows.map((r) => r.line)).toEqual([3, 4]);
  });
});
