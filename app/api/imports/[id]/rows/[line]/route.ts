// PATCH { fields: { <column name or field id>: value } }: corrects one row's cells while the import
// waits for confirmation, and answers with the row's new problems and the import's counts (issue #16).
import { z } from "zod";
import { errorResponse, json, withChangeAccess } from "@/lib/imports/http";
import { correctImportRow } from "@/lib/imports/correct/service";

const lineSchema = z.coerce.number().int().min(1).max(2_147_483_647);
const bodySchema = z.object({
  fields: z.record(z.string().max(500), z.union([z.string().max(10_000), z.number().transform(String)])).refine((f) => Object.keys(f).length <= 1000, "fields names too many columns."),
});

type Params = { params: Promise<{ id: string; line: string }> };

export async function PATCH(request: Request, { params }: Params) {
  const { id, line } = await params;
  return withChangeAccess(request, async (access, actor) => {
    const lineNumber = lineSchema.safeParse(line);
    if (!lineNumber.success) return errorResponse(400, "The line must be a whole number from 1.");
    const body = bodySchema.safeParse(await request.json().catch(() => null));
    if (!body.success) return errorResponse(400, 'Send JSON like {"fields": {"State": "TX"}}: each key a column of the file (or a mapped field id), each value text.');
    const result = await correctImportRow(access, id, lineNumber.data, body.data.fields, actor);
    switch (result.status) {
      case "ok":
        return json({ ...result.row, import: result.import });
      case "not_found":
        return errorResponse(404, "No such import for these credentials.");
      case "missing":
        return errorResponse(404, result.message);
      case "conflict":
        return errorResponse(409, result.message);
      default:
        return errorResponse(400, result.message);
    }
  });
}
