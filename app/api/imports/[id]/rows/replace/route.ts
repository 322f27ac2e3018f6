// POST { column, find, replace }: "replace X with Y in column C" across the rows with problems while
// the import waits for confirmation, as the validation report's "Fix a whole column" does (issue #16);
// answers with how many rows changed, how many of them are now fine, and the import's counts.
import { z } from "zod";
import { errorResponse, json, withChangeAccess } from "@/lib/imports/http";
import { replaceInImportColumn } from "@/lib/imports/correct/service";

const bodySchema = z.object({
  column: z.string().min(1).max(500),
  find: z.union([z.string().max(10_000), z.number().transform(String)]),
  replace: z.union([z.string().max(10_000), z.number().transform(String)]),
});

type Params = { params: Promise<{ id: string }> };

export async function POST(request: Request, { params }: Params) {
  const { id } = await params;
  return withChangeAccess(request, async (access, actor) => {
    const body = bodySchema.safeParse(await request.json().catch(() => null));
    if (!body.success) return errorResponse(400, 'Send JSON like {"column": "State", "find": "XX", "replace": "TX"}: a column of the file (or a mapped field id), and text for find and replace.');
    const result = await replaceInImportColumn(access, id, body.data, actor);
    switch (result.status) {
      case "ok":
        return json({ corrected: result.corrected, fixed: result.fixed, import: result.import });
      case "not_found":
        return errorResponse(404, "No such import for these credentials.");
      case "conflict":
        return errorResponse(409, result.message);
      default:
        return errorResponse(400, result.message);
    }
  });
}
