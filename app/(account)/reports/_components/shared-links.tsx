import { CopyButton } from "@/app/_components/copy-button";
import type { ReportScope } from "@/lib/report-links/scope";
import { GROUP_LABELS } from "@/lib/reports/report-params";
import { changeReportLinkAction, setPartnerContactsAction, stopReportLinkAction } from "../actions";

type Link = { id: string; name: string; url: string; scope: ReportScope };
type Names = { flows: Map<string, string>; sources: Map<string, string> };

function describe(scope: ReportScope, names: Names): string {
  if (scope.kind === "partner") return `Partner report for ${names.sources.get(scope.sourceId) ?? "a deleted source"}; contacts ${scope.showContacts ? "shown" : "masked"}`;
  const parts = [...scope.flowIds.map((id) => names.flows.get(id) ?? "deleted flow"), ...scope.sourceIds.map((id) => names.sources.get(id) ?? "deleted source")];
  const outcomes = scope.outcomes.length ? `, ${scope.outcomes.join("/")} only` : "";
  return `${parts.join(", ")}${outcomes}, by ${GROUP_LABELS[scope.groupBy].toLowerCase()}`;
}

const smallButton = "rounded border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-50";

// The account's live links: copy again, change (the old URL stops working at once), stop sharing.
export function SharedLinks({ links, names }: { links: Link[]; names: Names }) {
  if (links.length === 0) return <p className="text-sm text-slate-600">No shared links yet.</p>;
  return (
    <ul className="divide-y divide-slate-200">
      {links.map((link) => (
        <li key={link.id} className="py-3">
          <p className="font-medium">{link.name || "Untitled link"}</p>
          <p className="text-sm text-slate-600">{describe(link.scope, names)}</p>
          <div className="mt-2 flex flex-wrap items-center gap-2">
            <label htmlFor={`link-${link.id}`} className="sr-only">Link for {link.name}</label>
            <input key={link.url} id={`link-${link.id}`} readOnly value={link.url} className="min-w-0 flex-1 rounded border border-slate-300 px-2 py-1.5 font-mono text-xs" />
            <CopyButton text={link.url} label={`Copy the link for ${link.name}`} />
          </div>
          <div className="mt-2 flex flex-wrap gap-2">
            <form action={changeReportLinkAction}>
              <input type="hidden" name="linkId" value={link.id} />
              <button type="submit" className={`${smallButton} text-blue-800`} aria-label={`Change link for ${link.name}`}>Change link</button>
            </form>
            {link.scope.kind === "partner" && (
              <form action={setPartnerContactsAction}>
                <input type="hidden" name="linkId" value={link.id} />
                <input type="hidden" name="show" value={link.scope.showContacts ? "0" : "1"} />
                <button type="submit" className={`${smallButton} text-blue-800`}>{link.scope.showContacts ? "Mask contacts" : "Show contacts"}</button>
              </form>
            )}
            <form action={stopReportLinkAction}>
              <input type="hidden" name="linkId" value={link.id} />
              <button type="submit" className={`${smallButton} text-red-800`} aria-label={`Stop sharing ${link.name}`}>Stop sharing</button>
            </form>
          </div>
        </li>
      ))}
    </ul>
  );
}
