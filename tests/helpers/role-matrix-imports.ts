// The role × action matrix's rows for the import changes added after the matrix was first written:
// fixing rows in place (the wizard's two actions, PATCH .../rows/{line} and POST .../rows/replace,
// each audited), deleting an import, and
// starting a resumable (tus) upload with a session cookie. Each is checked on the server by
// imports:write; another account's owner finds account A's import or source not there (404 / error).
import "./as-person";
import { count, eq } from "drizzle-orm";
import * as rowFixActions from "@/app/_components/imports/row-fix-actions";
import * as replaceRoute from "@/app/api/imports/[id]/rows/replace/route";
import * as rowRoute from "@/app/api/imports/[id]/rows/[line]/route";
import * as uploadsRoute from "@/app/api/uploads/[[...id]]/route";
import { getDb } from "@/db";
import { imports, uploads } from "@/db/schema";
import { getImportView, setImportMapping } from "@/lib/imports/service";
import { callImport, runJobToEnd, uploadFile } from "./imports";
import { row, stagedImport, type MatrixFixture, type MatrixRow } from "./role-matrix";

// Line 3's state is no state: one invalid row, fixed by correcting that cell or replacing XX in State.
const FILE_WITH_A_PROBLEM = "First Name,Email,Phone,State\nAnn,ann@example.com,5125550100,TX\nCy,cy@example.com,5125550102,XX\n";
const MAPPING = [
  { column: 0, fieldId: "first_name" },
  { column: 1, fieldId: "email" },
  { column: 2, fieldId: "phone_1" },
  { column: 3, fieldId: "state" },
];
const holder = { kind: "holder" } as const;

/** An import in account A, validated and waiting for confirmation, with line 3 invalid. */
async function importWithAProblem(f: MatrixFixture): Promise<string> {
  const response = await uploadFile(f.a, FILE_WITH_A_PROBLEM);
  if (response.status !== 201) throw new Error(`upload answered ${response.status}`);
  const { id } = (await response.json()) as { id: string };
  const mapped = await setImportMapping({ accountId: f.a.accountId }, id, MAPPING);
  if (mapped.status !== "ok") throw new Error("mapping not saved");
  const validating = await callImport(id, "validate", { auth: f.a.apiKey, body: {} });
  if (validating.status !== 202) throw new Error(`validate answered ${validating.status}`);
  if ((await runJobToEnd(id)) !== "done") throw new Error("validation did not finish");
  if ((await invalidRows(f, id)) !== 1) throw new Error("line 3 should be the one invalid row");
  return id;
}
const invalidRows = async (f: MatrixFixture, id: string) => (await getImportView({ accountId: f.a.accountId }, id))!.invalid;

const uploadsInA = async (f: MatrixFixture) => Number((await getDb().select({ n: count() }).from(uploads).where(eq(uploads.accountId, f.a.accountId)))[0]!.n);
const tusMetadata = (values: Record<string, string>) =>
  Object.entries(values)
    .map(([key, value]) => `${key} ${Buffer.from(value).toString("base64")}`)
    .join(",");

export const IMPORT_FIX_ROWS: MatrixRow[] = [
  row({
    name: "correctRowAction (fix a row in place)", action: "correctRowAction", permission: "imports:write", kind: "state", audit: "import.row_corrected",
    prepare: importWithAProblem,
    run: (_f, id) => rowFixActions.correctRowAction({ scope: holder, id, line: 3, fields: { State: "TX" } }),
    changed: async (f, id) => (await invalidRows(f, id)) === 0,
  }),
  row({
    name: "replaceInColumnAction (replace in a column)", action: "replaceInColumnAction", permission: "imports:write", kind: "state", audit: "import.column_replaced",
    prepare: importWithAProblem,
    run: (_f, id) => rowFixActions.replaceInColumnAction({ scope: holder, id, column: "State", find: "XX", replace: "TX" }),
    changed: async (f, id) => (await invalidRows(f, id)) === 0,
  }),
  row({
    name: "PATCH /api/imports/{id}/rows/{line}", permission: "imports:write", kind: "route", audit: "import.row_corrected",
    prepare: importWithAProblem,
    run: (_f, id, as) =>
      rowRoute.PATCH(
        new Request(`http://localhost:3000/api/imports/${id}/rows/3`, { method: "PATCH", headers: { "content-type": "application/json", cookie: as.cookie }, body: JSON.stringify({ fields: { State: "TX" } }) }),
        { params: Promise.resolve({ id, line: "3" }) },
      ),
    changed: async (f, id) => (await invalidRows(f, id)) === 0,
  }),
  row({
    name: "POST /api/imports/{id}/rows/replace", permission: "imports:write", kind: "route", audit: "import.column_replaced",
    prepare: importWithAProblem,
    run: (_f, id, as) =>
      replaceRoute.POST(
        new Request(`http://localhost:3000/api/imports/${id}/rows/replace`, { method: "POST", headers: { "content-type": "application/json", cookie: as.cookie }, body: JSON.stringify({ column: "State", find: "XX", replace: "TX" }) }),
        { params: Promise.resolve({ id }) },
      ),
    changed: async (f, id) => (await invalidRows(f, id)) === 0,
  }),
  row({
    name: "DELETE /api/imports/{id}", permission: "imports:write", kind: "route",
    prepare: stagedImport,
    run: (_f, id, as) => callImport(id, "status", { method: "DELETE", auth: as.cookie }),
    changed: async (_f, id) => (await getDb().select({ id: imports.id }).from(imports).where(eq(imports.id, id))).length === 0,
  }),
  row({
    name: "POST /api/uploads (start a resumable upload)", permission: "imports:write", kind: "route",
    // A source has at most IMPORT_MAX_ACTIVE_PER_SOURCE uploads in progress: clear the earlier callers'.
    prepare: async (f) => {
      await getDb().delete(uploads).where(eq(uploads.accountId, f.a.accountId));
      return 0;
    },
    run: (f, _before, as) =>
      uploadsRoute.POST(
        new Request("http://localhost:3000/api/uploads", {
          method: "POST",
          headers: { "tus-resumable": "1.0.0", cookie: as.cookie, "upload-length": "100", "upload-metadata": tusMetadata({ filename: "leads.csv", flowId: f.a.flowId, sourceId: f.a.sourceId }) },
        }),
      ),
    changed: async (f, before) => (await uploadsInA(f)) > before,
  }),
];
