import type { Metadata } from "next";
import Link from "next/link";
import { LiveProgress } from "@/app/_components/imports/live-progress";
import { Card, EmptyState, PageHeader, StatusBadge } from "@/app/_components/ui";
import { can } from "@/lib/auth/roles";
import { requirePermission } from "@/lib/auth/session";
import { getHomeData, type HomeImport } from "@/lib/home/dashboard";
import { importOutcomesText, type OutcomeTotals } from "@/lib/home/summary";
import { STATUS_LABELS } from "@/lib/imports/wizard-labels";
import { formatCount, formatDateTimeZoned } from "@/lib/leads/format";
import { IMPORT_OUTCOMES_NOTE } from "@/lib/reports/import-outcomes-note";

export const metadata: Metadata = { title: "Dashboard" };

// Each live box holds a server-sent events stream open; a browser allows about six per host.
const MAX_LIVE = 3;
const link = "text-blue-800 hover:underline";

// The home page: leads today and this week by outcome, imports running now and the latest ones, and
// each flow with the time of its last lead. Read-only for every role; nothing secret is on it.
export default async function HomePage() {
  const holder = await requirePermission("read");
  const { timeZone } = holder;
  const home = await getHomeData({ accountId: holder.accountId, timeZone });
  const mayImport = can(holder.role, "imports:write");
  return (
    <>
      <PageHeader title="Dashboard" description={`Welcome back to ${holder.accountName}. Times in ${timeZone}.`} />
      {home.flows.length === 0 ? (
        <EmptyState title="No flows yet" action={can(holder.role, "flows:write") ? { href: "/flows/new", label: "New flow" } : undefined}>
          A flow is where sources send leads. Create one, add a source, and share its Submission Docs.
        </EmptyState>
      ) : (
        <div className="grid gap-6 lg:grid-cols-2">
          <Card id="home-leads" title="Leads">
            <LeadCounts label="Today" range="today" totals={home.leads.today} />
            <LeadCounts label="Last 7 days" range="last_7_days" totals={home.leads.week} />
            <p className="mt-3 text-xs text-slate-600">
              Leads by the outcome the flow gave them. Rows of a file that were not imported made no lead, so they are not counted here;
              an import counts them as failures (under Latest imports and on its page).
            </p>
          </Card>
          <Card id="home-flows" title="Flows">
            <ul className="mt-3 divide-y divide-slate-100 text-sm">
              {home.flows.map((flow) => (
                <li key={flow.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                  <span className="flex items-center gap-2">
                    <Link href={`/flows/${flow.id}`} className={`font-medium ${link}`}>{flow.name}</Link>
                    <StatusBadge on={flow.enabled} />
                  </span>
                  <span className="tabular-nums text-slate-600">
                    {flow.lastLeadAt ? `Last lead ${formatDateTimeZoned(flow.lastLeadAt, timeZone)}` : "No leads yet"}
                  </span>
                </li>
              ))}
            </ul>
          </Card>
          <Card id="home-running" title="Imports running now">
            {home.running.length === 0 ? (
              <p className="mt-3 text-sm text-slate-600">No import is running.</p>
            ) : (
              <ul className="mt-3 space-y-4">
                {home.running.map((imp, i) => (
                  <li key={imp.id}>
                    <Link href={`/imports/${imp.id}`} className={`text-sm font-medium ${link}`}>{imp.fileName || imp.id}</Link>
                    {i < MAX_LIVE ? <LiveProgress scope={{ kind: "holder" }} id={imp.id} initial={imp} /> : <p className="text-sm text-slate-600">{STATUS_LABELS[imp.status]}</p>}
                  </li>
                ))}
              </ul>
            )}
          </Card>
          <Card id="home-imports" title="Latest imports">
            {home.recent.length === 0 ? (
              <p className="mt-3 text-sm text-slate-600">
                No imports yet.{" "}
                {/* Underlined: a link inside a sentence must not be told apart by colour alone (WCAG 1.4.1). */}
                {mayImport && <Link href="/imports/new" className="text-blue-800 underline">Import leads</Link>}
              </p>
            ) : (
              <>
                <ul className="mt-3 divide-y divide-slate-100 text-sm">
                  {home.recent.map((imp) => <RecentImport key={imp.id} imp={imp} timeZone={timeZone} />)}
                </ul>
                <p className="mt-2 text-xs text-slate-600">
                  Rows by outcome, as on each import&apos;s page and in its results.csv: a failure is a lead the flow did not accept, or a row not imported (no lead was made).
                </p>
              </>
            )}
          </Card>
        </div>
      )}
    </>
  );
}

function LeadCounts({ label, range, totals }: { label: string; range: string; totals: OutcomeTotals }) {
  const cells: Array<[string, number, string]> = [
    ["Submitted", totals.submitted, `/leads?range=${range}`],
    ["Success", totals.success, `/leads?range=${range}&outcome=success`],
    ["Failure", totals.failure, `/leads?range=${range}&outcome=failure`],
    ["Error", totals.error, `/leads?range=${range}&outcome=error`],
  ];
  return (
    <div className="mt-3">
      <h3 className="text-sm font-medium text-slate-700">{label}</h3>
      <dl aria-label={`Leads ${label.toLowerCase()}`} className="mt-1 grid grid-cols-4 gap-2">
        {cells.map(([name, n, href]) => (
          <div key={name} className="rounded border border-slate-200 p-2">
            <dt className="text-xs text-slate-600">{name}</dt>
            <dd className="text-lg font-semibold tabular-nums">
              <Link href={href} className="hover:underline">{formatCount(n)}</Link>
            </dd>
          </div>
        ))}
      </dl>
    </div>
  );
}

function RecentImport({ imp, timeZone }: { imp: HomeImport; timeZone: string }) {
  const outcomes = importOutcomesText(imp);
  return (
    <li className="flex flex-wrap items-center justify-between gap-2 py-2">
      <span>
        <Link href={`/imports/${imp.id}`} className={`font-medium ${link}`}>{imp.fileName || imp.id}</Link>
        <span className="ml-2 text-slate-600">{STATUS_LABELS[imp.status]}</span>
      </span>
      <span className="tabular-nums text-slate-600">
        {formatCount(imp.rows)} rows · {formatDateTimeZoned(imp.createdAt, timeZone)}
      </span>
      {outcomes && (
        // The title says what the words mean, as the note under the import page's counts does.
        <span className="basis-full text-xs tabular-nums text-slate-600" title={IMPORT_OUTCOMES_NOTE}>
          {outcomes}
        </span>
      )}
    </li>
  );
}

