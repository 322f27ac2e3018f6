import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { DataTable, type Column } from "@/app/_components/data-table";
import { buttonClass, PageHeader } from "@/app/_components/ui";
import { describeAuditEvent } from "@/lib/audit/describe";
import { listAuditEvents, type AuditPage } from "@/lib/audit/queries";
import { requirePermission } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/leads/format";
import { actorOf } from "@/lib/people/actor";

export const metadata: Metadata = { title: "Audit log" };

// A cursor that is not a plain positive id is ignored: the newest page, never an error.
const cursor = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional().catch(undefined);
const pageQuery = z.object({ before: cursor, after: cursor });

type Entry = AuditPage["events"][number];

// Who did what and when in this account, newest first, 50 a page. Owners and admins only.
export default async function AuditLogPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const holder = await requirePermission("audit:read");
  const query = pageQuery.parse(await searchParams);
  const page = await listAuditEvents(actorOf(holder), query);
  if (page.status !== "ok") notFound();
  const columns: Array<Column<Entry>> = [
    { header: "When", cell: (e) => <time dateTime={e.createdAt.toISOString()}>{formatDateTime(e.createdAt, holder.timeZone)}</time>, className: "whitespace-nowrap" },
    { header: "Who", cell: (e) => e.actorEmail },
    { header: "What", cell: (e) => describeAuditEvent(e) },
    { header: "Concerning", cell: (e) => e.targetLabel },
  ];
  return (
    <>
      <PageHeader
        title="Audit log"
        description={`Who did what in ${holder.accountName}, newest first. Times in ${holder.timeZone.replaceAll("_", " ")}.`}
      />
      <DataTable
        columns={columns}
        rows={page.events}
        rowKey={(e) => e.id}
        caption="Audit log entries"
        empty="Nothing recorded here yet."
        className="rounded-lg border border-slate-200 bg-white"
      />
      {(page.newer || page.older) && (
        <nav aria-label="Audit log pages" className="mt-4 flex gap-2">
          {page.newer && (
            <Link href={`/settings/audit?after=${page.newer}`} className={buttonClass("secondary")}>
              Newer
            </Link>
          )}
          {page.older && (
            <Link href={`/settings/audit?before=${page.older}`} className={buttonClass("secondary")}>
              Older
            </Link>
          )}
        </nav>
      )}
    </>
  );
}
