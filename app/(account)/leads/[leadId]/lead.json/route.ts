// GET /leads/{leadId}/lead.json: the whole lead, every field uncut, as a JSON download; its page shows
// only what fits (lib/leads/lead-fields.ts).
import { NextResponse, type NextRequest } from "next/server";
import { authorize } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { getLeadJson } from "@/lib/leads/lead-detail";
import { leadNotFoundMessage } from "@/lib/leads/retention";
import { withRequestLog } from "@/lib/logging/request-log";

type Context = { params: Promise<{ leadId: string }> };

export async function GET(request: NextRequest, { params }: Context) {
  return withRequestLog(request, () => downloadLead(request, params));
}

async function downloadLead(request: NextRequest, params: Context["params"]) {
  const auth = await authorize("read");
  if (auth.status === "signed_out") return NextResponse.redirect(new URL("/login", request.url));
  if (auth.status === "forbidden") return NextResponse.json({ message: auth.message }, { status: 403 });
  const { leadId } = await params;
  // Another account's lead reads as not found, exactly like an unknown id.
  const lead = await getLeadJson(auth.holder.accountId, leadId);
  if (!lead) return NextResponse.json({ message: leadNotFoundMessage(leadId, env.LEAD_RETENTION_DAYS) }, { status: 404 });
  return new NextResponse(JSON.stringify(lead, null, 2), {
    headers: {
      "content-type": "application/json; charset=utf-8",
      "content-disposition": `attachment; filename="lead-${lead.id}.json"`,
      "cache-control": "no-store",
    },
  });
}
