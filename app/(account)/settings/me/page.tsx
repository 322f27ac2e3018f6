import type { Metadata } from "next";
import { DataTable, type Column } from "@/app/_components/data-table";
import { Card, PageHeader } from "@/app/_components/ui";
import { PASSWORD_HINT } from "@/lib/auth/password-rules";
import { ROLE_LABELS, ROLE_SUMMARIES } from "@/lib/auth/roles";
import { requirePermission } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/leads/format";
import { actorOf } from "@/lib/people/actor";
import { currentSessionHash } from "@/lib/people/current-session";
import { listYourSessions, type SessionView } from "@/lib/people/your-account";
import { NameForm, PasswordForm, SignOutOthers } from "./forms";

export const metadata: Metadata = { title: "Your account" };

// Your account: name, password and where you are signed in. Every role may open it.
export default async function YourAccountPage() {
  const holder = await requirePermission("read");
  const sessions = await listYourSessions(actorOf(holder), await currentSessionHash());
  const at = (date: Date) => formatDateTime(date, holder.timeZone);
  const columns: Array<Column<SessionView>> = [
    { header: "Signed in", rowHeader: true, cell: (s) => <span className="font-normal">{at(s.createdAt)}</span> },
    { header: "Browser", cell: (s) => <span className="break-all">{s.userAgent || "Unknown"}</span> },
    { header: "Address", cell: (s) => s.clientAddress || "Unknown" },
    { header: "Ends", cell: (s) => at(s.expiresAt) },
    { header: <span className="sr-only">This session</span>, cell: (s) => (s.current ? <span className="font-medium text-green-800">This session</span> : null) },
  ];
  return (
    <>
      <PageHeader title="Your account" description={`${holder.email} · ${ROLE_LABELS[holder.role]} in ${holder.accountName}: ${ROLE_SUMMARIES[holder.role].toLowerCase()}.`} />
      <div className="grid gap-6 md:grid-cols-2">
        <Card id="name" title="Name">
          <div className="mt-3">
            <NameForm name={holder.name} />
          </div>
        </Card>
        <Card id="password" title="Password">
          <p className="mt-1 text-sm text-slate-600">Changing it signs you out everywhere else.</p>
          <div className="mt-3">
            <PasswordForm hint={PASSWORD_HINT} email={holder.email} />
          </div>
        </Card>
      </div>
      <Card id="sessions" title="Where you are signed in" className="mt-6">
        <div className="mt-3 overflow-x-auto">
          <DataTable columns={columns} rows={sessions} rowKey={(s) => s.key} caption="Your active sessions" padding="compact" />
        </div>
        <div className="mt-4">
          <SignOutOthers others={sessions.filter((s) => !s.current).length} />
        </div>
      </Card>
    </>
  );
}
