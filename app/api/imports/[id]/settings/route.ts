// PUT { encoding?, delimiter?, header? }: read the stored file again with these settings.
import { failure, json, withChangeAccess } from "@/lib/imports/http";
import { getImportView, setImportSettings } from "@/lib/imports/service";

export async function PUT(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return withChangeAccess(request, async (access) => {
    const result = await setImportSettings(access, id, await request.json().catch(() => null));
    return result.status === "ok" ? json(await getImportView(access, id)) : failure(result);
  });
}
