// The account pages' CSV downloads (Leads view, reports): a read, so every role may, with the role
// check kept here so a future role without "read" is refused with 403 rather than served.
import { NextResponse, type NextRequest } from "next/server";
import { authorize } from "@/lib/auth/session";
import { searchParamsRecord, type SearchParams } from "@/lib/leads/filters";
import { withRequestLog } from "@/lib/logging/request-log";

type Produce = (options: { accountId: string; timeZone: string; searchParams: SearchParams }) => Promise<BodyInit | null>;

/** A GET handler that answers `<name>-<date>.csv` from `produce`, or 404 when it finds nothing to export. */
export function csvDownload(name: string, produce: Produce) {
  return (request: NextRequest) =>
    withRequestLog(request, async () => {
      const auth = await authorize("read");
      if (auth.status === "signed_out") return NextResponse.redirect(new URL("/login", request.url));
      if (auth.status === "forbidden") return NextResponse.json({ message: auth.message }, { status: 403 });
      const { holder } = auth;
      const body = await produce({ accountId: holder.accountId, timeZone: holder.timeZone, searchParams: searchParamsRecord(request.nextUrl.searchParams) });
      if (body === null) return new NextResponse("Not found", { status: 404 });
      const date = new Date().toISOString().slice(0, 10);
      return new NextResponse(body, {
        headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="${name}-${date}.csv"`, "cache-control": "no-store" },
      });
    });
}
