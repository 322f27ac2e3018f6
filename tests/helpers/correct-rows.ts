// A validated import waiting for confirmation, with rows to fix in place (issue #16), and the calls
// that fix them through the import API: PATCH .../rows/{line} and POST .../rows/replace.
import { expect } from "vitest";
import * as replaceRoute from "@/app/api/imports/[id]/rows/replace/route";
import * as rowRoute from "@/app/api/imports/[id]/rows/[line]/route";
import { getDatabase } from "@/db";
import { runStatement } from "@/db/transaction";
import { createAccount } from "./accounts";
import { callImport, json, runJobToEnd, uploadFile } from "./imports";

// Line 3 has neither email nor phone, lines 4-6 name no state, line 7 repeats line 2, line 8 is short.
export const FILE_TO_FIX = [
  "First Name,Email,Phone,State",
  "Ann,ann@example.com,5125550100,TX",
  "Bob,,,TX",
  "Cy,cy@example.com,5125550102,XX",
  "Dee,dee@example.com,5125550103,XX",
  "Eve,eve@example.com,5125550104,xx",
  "Ann,ann@example.com,5125550100,TX",
  "Fay,fay@example.com",
].join("\n");

export const FILE_TO_FIX_MAPPING = [
  { column: 0, fieldId: "first_name" },
  { column: 1, fieldId: "email" },
  { column: 2, fieldId: "phone_1" },
  { column: 3, fieldId: "state" },
];

let accounts = 0;
export async function newFixAccount(prefix: string) {
  const email = `${prefix}${++accounts}@example.com`;
  return { ...(await createAccount({ email, password: "correct-password" })), email };
}
export type FixTarget = Awaited<ReturnType<typeof newFixAccount>>;

export async function uploadAndValidate(target: FixTarget, file = FILE_TO_FIX): Promise<string> {
  const { id } = await json<{ id: string }>(uploadFile(target, file, { query: "name=leads.csv" }), 201);
  await json(callImport(id, "mapping", { method: "PUT", auth: target.apiKey, body: { mapping: FILE_TO_FIX_MAPPING } }));
  await json(callImport(id, "validate", { auth: target.apiKey, body: {} }), 202);
  expect(await runJobToEnd(id)).toBe("done");
  return id;
}

const credentials = (auth: string): Record<string, string> => (auth.startsWith("lp_session=") ? { cookie: auth } : { authorization: auth });

export function patchRow(id: string, line: number, fields: Record<string, string>, auth: string) {
  const request = new Request(`http://localhost:3000/api/imports/${id}/rows/${line}`, {
    method: "PATCH",
    headers: { "content-type": "application/json", ...credentials(auth) },
    body: JSON.stringify({ fields }),
  });
  return rowRoute.PATCH(request, { params: Promise.resolve({ id, line: String(line) }) });
}

export function replaceRows(id: string, body: unknown, auth: string) {
  const request = new Request(`http://localhost:3000/api/imports/${id}/rows/replace`, {
    method: "POST",
    headers: { "content-type": "application/json", ...credentials(auth) },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  return replaceRoute.POST(request, { params: Promise.resolve({ id }) });
}

/** Each staged line's duplicate mark, from the table itself. */
export async function duplicateMarks(id: string): Promise<Record<number, number | null>> {
  const { rows } = await runStatement<{ line: number; duplicate_of_line: number | null }>(
    getDatabase(),
    "select line, duplicate_of_line from import_rows where import_id = $1 order by line",
    [id],
  );
  return Object.fromEntries(rows.map((r) => [r.line, r.duplicate_of_line]));
}
