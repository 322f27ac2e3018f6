// POST: Stop the import; a running job finishes its current batch first.
import { failure, json, withChangeAccess } from "@/lib/imports/http";
import { cancelImportRun, getImportView } from "@/lib/imports/service";

export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return withChangeAccess(request, async (access, actor) => {
    const result = await cancelImportRun(access, id, actor);
    return result.status === "ok" ? json(await getImportView(access, id), 202) : failure(result);
  });
}
