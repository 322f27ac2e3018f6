// An import's status as JSON: settings, counts, outcomes.
import { errorResponse, json, withAccess } from "@/lib/imports/http";
import { getImportView } from "@/lib/imports/service";

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return withAccess(request, async (access) => {
    const view = await getImportView(access, id);
    return view ? json(view) : errorResponse(404, "No such import for these credentials.");
  });
}
