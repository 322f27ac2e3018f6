// POST: Stop the import; a running job finishes its current batch first.
import { failure, json, withAccess } from "@/lib/imports/http";
import { cancelImportRun, getImportView } from "@/lib/imports/service";

export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return withAccess(request, async (access) => {
    const result = await cancelImportRun(access, id);
    return result.status === "ok" ? json(await getImportView(access, id), 202) : failure(result);
  });
}
