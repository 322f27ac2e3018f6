// GET: columns with the saved or suggested field, the fields, what is still missing, a preview.
// PUT { mapping: [{ column, fieldId | null }] }: save the choice.
import { errorResponse, failure, json, withAccess, withChangeAccess } from "@/lib/imports/http";
import { getImportMapping, setImportMapping } from "@/lib/imports/service";

type Params = { params: Promise<{ id: string }> };

export async function GET(request: Request, { params }: Params) {
  const { id } = await params;
  return withAccess(request, async (access) => {
    const view = await getImportMapping(access, id);
    return view ? json(view) : errorResponse(404, "No such import for these credentials.");
  });
}

export async function PUT(request: Request, { params }: Params) {
  const { id } = await params;
  return withChangeAccess(request, async (access) => {
    const body = (await request.json().catch(() => null)) as { mapping?: unknown } | null;
    const result = await setImportMapping(access, id, body?.mapping);
    return result.status === "ok" ? json({ mapping: result.mapping }) : failure(result);
  });
}
