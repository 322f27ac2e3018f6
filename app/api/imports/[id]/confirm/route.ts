// POST { mode: "all" | "valid" }: import the rows in the background (validating first if needed).
import { failure, json, withChangeAccess } from "@/lib/imports/http";
import { confirmImportRun, getImportView } from "@/lib/imports/service";

export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return withChangeAccess(request, async (access) => {
    const body = (await request.json().catch(() => null)) as { mode?: unknown } | null;
    const result = await confirmImportRun(access, id, body?.mode ?? new URL(request.url).searchParams.get("mode"));
    return result.status === "ok" ? json(await getImportView(access, id), 202) : failure(result);
  });
}
