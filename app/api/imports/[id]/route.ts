// An import's status as JSON: settings, counts, outcomes. DELETE: the import and its stored file,
// staged rows and results go (its leads stay); account holders who may change imports only.
import { FORBIDDEN_MESSAGE } from "@/lib/auth/session";
import { accessOf, mayDeleteImports } from "@/lib/imports/access";
import { errorResponse, failure, json, withAccess, withCaller } from "@/lib/imports/http";
import { deleteImportRun, getImportView } from "@/lib/imports/service";

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return withAccess(request, async (access) => {
    const view = await getImportView(access, id);
    return view ? json(view) : errorResponse(404, "No such import for these credentials.");
  });
}

export async function DELETE(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return withCaller(request, async (caller) => {
    if (!mayDeleteImports(caller)) return errorResponse(403, caller.kind === "source" ? "A source's key cannot delete imports: an account holder can." : FORBIDDEN_MESSAGE);
    const result = await deleteImportRun(accessOf(caller), id);
    return result.status === "ok" ? new Response(null, { status: 204 }) : failure(result);
  });
}
