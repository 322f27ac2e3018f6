// POST: Import the remaining rows of a cancelled or stopped import, from the first line without a lead.
import { failure, json, withChangeAccess } from "@/lib/imports/http";
import { resumeImportRun } from "@/lib/imports/run/resume";
import { getImportView } from "@/lib/imports/service";

export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return withChangeAccess(request, async (access) => {
    const result = await resumeImportRun(access, id);
    return result.status === "ok" ? json(await getImportView(access, id), 202) : failure(result);
  });
}
