import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PageHeader } from "@/app/_components/ui";
import { can } from "@/lib/auth/roles";
import { requirePermission } from "@/lib/auth/session";
import { toQueryString, type SearchParams } from "@/lib/leads/filters";
import { getLeadsView } from "@/lib/leads/view";
import { LeadFilterForm } from "./_components/lead-filter-form";
import { LeadsTable } from "./_components/leads-table";

export const metadata: Metadata = { title: "Leads" };

const buttonClass = "rounded border border-slate-300 bg-white px-3 py-2 text-sm font-medium text-blue-800 hover:bg-slate-50";

// Every lead the account's flows received, newest first, filtered and paged by cursor.
export default async function LeadsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const holder = await requirePermission("read");
  const view = await getLeadsView({ accountId: holder.accountId, timeZone: holder.timeZone, searchParams: await searchParams });
  if (!view) notFound();
  const { params, options } = view;
  const names = {
    flows: new Map(options.flows.map((f) => [f.id, f.name])),
    sources: new Map(options.sources.map((s) => [s.id, s.name])),
    imports: new Map(options.imports.map((i) => [i.id, i.name])),
  };
  const importQuery = toQueryString({}, { flow: params.flow[0], source: params.source[0] });
  return (
    <>
      <PageHeader
        title="Leads"
        description={`Every lead your flows received, newest first. Times in ${holder.timeZone}.`}
        actions={
          <>
            {can(holder.role, "imports:write") && (
              <Link href={`/imports/new${importQuery}`} className="rounded bg-blue-700 px-3 py-2 text-sm font-medium text-white hover:bg-blue-800">
                Import leads
              </Link>
            )}
            <a href={`/leads/export${toQueryString(params)}`} className={buttonClass}>
              Export CSV
            </a>
            <Link href={`/reports${toQueryString(params, { q: undefined, cursor: undefined })}`} className={buttonClass}>
              Count in a report
            </Link>
          </>
        }
      />
      <LeadFilterForm action="/leads" params={params} options={options} mode="leads" />
      {options.sources.length > 0 && (
        <nav aria-label="Last imported lead by source" className="mb-4 flex flex-wrap items-center gap-2 text-sm">
          <span className="text-slate-700">Last imported lead from:</span>
          {options.sources.map((s) => (
            <Link key={s.id} href={`/leads?range=all&source=${s.id}&batch=1`} className="rounded-full border border-slate-300 bg-white px-3 py-1 text-blue-800 hover:bg-slate-50">
              {s.name}
            </Link>
          ))}
        </nav>
      )}
      {view.leads.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-10 text-center text-slate-600">
          {view.isFirstPage ? "No leads match these filters in this time frame." : "No older leads."}
        </p>
      ) : (
        <LeadsTable leads={view.leads} names={names} timeZone={holder.timeZone} />
      )}
      <nav aria-label="Pages" className="mt-4 flex justify-between text-sm">
        {view.isFirstPage ? <span /> : <Link href={`/leads${toQueryString(params)}`} className="text-blue-800 hover:underline">Back to the newest</Link>}
        {view.nextCursor && (
          <Link href={`/leads${toQueryString(params, { cursor: view.nextCursor })}`} className="text-blue-800 hover:underline">
            Older leads
          </Link>
        )}
      </nav>
    </>
  );
}
