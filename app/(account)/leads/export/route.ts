// GET /leads/export: the Leads view's filtered list as a streamed CSV download.
import { NextResponse, type NextRequest } from "next/server";
import { authorize } from "@/lib/auth/session";
import { searchParamsRecord } from "@/lib/leads/filters";
import { exportLeadsCsv } from "@/lib/leads/export";
import { withRequestLog } from "@/lib/logging/request-log";

export async function GET(request: NextRequest) {
  return withRequestLog(request, () => exportCsv(request));
}

async function exportCsv(request: NextRequest) {
  // An export is a read: every role may, and the role check stays here so a future role without
  // "read" is refused with 403 rather than served.
  const auth = await authorize("read");
  if (auth.status === "signed_out") return NextResponse.redirect(new URL("/login", request.url));
  if (auth.status === "forbidden") return NextResponse.json({ message: auth.message }, { status: 403 });
  const { holder } = auth;
  const stream = await exportLeadsCsv({ accountId: holder.accountId, timeZone: holder.timeZone, searchParams: searchParamsRecord(request.nextUrl.searchParams) });
  if (!stream) return new NextResponse("Not found", { status: 404 });
  const date = new Date().toISOString().slice(0, 10);
  return new NextResponse(stream, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="leads-${date}.csv"`,
      "cache-control": "no-store",
    },
  });
}
