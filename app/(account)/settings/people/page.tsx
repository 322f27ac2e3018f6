import type { Metadata } from "next";
import { DataTable, type Column } from "@/app/_components/data-table";
import { Card, PageHeader } from "@/app/_components/ui";
import { mayChangeRole, mayManage, ROLE_LABELS, ROLES } from "@/lib/auth/roles";
import { requirePermission } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/leads/format";
import { listPendingInvitations, listPeopleByAccount } from "@/lib/people/queries";
import { InviteForm } from "./invite-form";
import { PersonControls, RevokeInvitation } from "./person-controls";

export const metadata: Metadata = { title: "People" };

type Person = Awaited<ReturnType<typeof listPeopleByAccount>>[number];
type Invitation = Awaited<ReturnType<typeof listPendingInvitations>>[number];

// Settings → People: everyone in the account and the invitations still open. Owners and admins only.
export default async function PeoplePage() {
  const holder = await requirePermission("people:manage");
  const [people, invitations] = await Promise.all([listPeopleByAccount(holder.accountId), listPendingInvitations(holder.accountId)]);
  const at = (date: Date) => formatDateTime(date, holder.timeZone);

  const peopleColumns: Array<Column<Person>> = [
    {
      header: "Name",
      rowHeader: true,
      cell: (p) => (
        <span className="font-medium">
          {p.name || <span className="text-slate-500">No name</span>}
          {p.id === holder.holderId && <span className="ml-1 text-xs text-slate-600">(you)</span>}
        </span>
      ),
    },
    { header: "Email", cell: (p) => p.email },
    { header: "Role", cell: (p) => ROLE_LABELS[p.role] },
    { header: "Last sign-in", cell: (p) => (!p.isSetUp ? "Not set up yet" : p.lastSignInAt ? at(p.lastSignInAt) : "Never") },
    {
      header: <span className="sr-only">Changes</span>,
      cell: (p) =>
        mayManage(holder.role, p.role) ? (
          <PersonControls
            personId={p.id}
            email={p.email}
            role={p.role}
            roles={ROLES.filter((to) => to === p.role || mayChangeRole(holder.role, p.role, to))}
            isSelf={p.id === holder.holderId}
          />
        ) : (
          <span className="text-xs text-slate-600">Only an owner can change an owner</span>
        ),
    },
  ];

  const invitationColumns: Array<Column<Invitation>> = [
    { header: "Email", rowHeader: true, cell: (i) => i.email },
    { header: "Role", cell: (i) => (i.role ? ROLE_LABELS[i.role] : "") },
    { header: "Invited", cell: (i) => at(i.createdAt) },
    { header: "Expires", cell: (i) => at(i.expiresAt) },
    {
      header: <span className="sr-only">Revoke</span>,
      cell: (i) => (mayManage(holder.role, i.role ?? "viewer") ? <RevokeInvitation invitationId={i.id} email={i.email} /> : null),
    },
  ];

  return (
    <>
      <PageHeader title="People" description="Everyone who signs in to this account, and what their role lets them do." />
      <Card id="invite" title="Invite someone" className="mb-6">
        <p className="mt-1 text-sm text-slate-600">They get a link to choose a password. It works once and expires in 7 days.</p>
        <div className="mt-3">
          <InviteForm roles={ROLES.filter((role) => mayManage(holder.role, role))} />
        </div>
      </Card>
      <section aria-labelledby="people-title" className="mb-6">
        <h2 id="people-title" className="mb-2 text-lg font-semibold">
          People in {holder.accountName}
        </h2>
        <DataTable columns={peopleColumns} rows={people} rowKey={(p) => p.id} caption="People in this account" className="rounded-lg border border-slate-200 bg-white" />
      </section>
      <section aria-labelledby="invitations-title">
        <h2 id="invitations-title" className="mb-2 text-lg font-semibold">
          Open invitations
        </h2>
        <DataTable
          columns={invitationColumns}
          rows={invitations}
          rowKey={(i) => i.id}
          caption="Open invitations"
          empty="No open invitations."
          className="rounded-lg border border-slate-200 bg-white"
        />
      </section>
    </>
  );
}
