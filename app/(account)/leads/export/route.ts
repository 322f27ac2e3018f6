// GET /leads/export: the Leads view's filtered list as a streamed CSV download.
import { NextResponse, type NextRequest } from "next/server";
import { getCurrentHolder } from "@/lib/auth/session";
import { searchParamsRecord } from "@/lib/leads/filters";
import { exportLeadsCsv } from "@/lib/leads/export";
import { withRequestLog } from "@/lib/logging/request-log";

export async function GET(request: NextRequest) {
  return withRequestLog(request, () => exportCsv(request));
}

async function exportCsv(request: NextRequest) {
  const holder = await getCurrentHolder();
  if (!holder) return NextResponse.redirect(new URL("/login", request.url));
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
