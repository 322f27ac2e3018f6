// POST: Start validating every staged row in the background; progress on /events.
import { failure, json, withChangeAccess } from "@/lib/imports/http";
import { validateImport, getImportView } from "@/lib/imports/service";

export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return withChangeAccess(request, async (access) => {
    const result = await validateImport(access, id);
    return result.status === "ok" ? json(await getImportView(access, id), 202) : failure(result);
  });
}
