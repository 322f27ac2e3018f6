// The role × action matrix's rows for the settings Server Actions: account settings, People, and Your
// account. People rows target a fresh viewer (never an owner), so the expected answer follows
// can(role, "people:manage") alone; the owner rules are tested in roles-matrix-owners.test.ts.
// Your account rows are everyone's ("read"), but each acts only on the caller's own person: a
// personId smuggled into the form is ignored, and a change to anyone else fails the row.
import "./as-person";
import { and, eq, isNotNull } from "drizzle-orm";
import * as accountSettingsActions from "@/app/(account)/settings/actions";
import * as yourAccountActions from "@/app/(account)/settings/me/actions";
import * as peopleActions from "@/app/(account)/settings/people/actions";
import { getDb } from "@/db";
import { accountHolders, accountLinks, accounts, sessions } from "@/db/schema";
import { createLink } from "@/lib/accounts/links";
import { verifyPassword } from "@/lib/auth/password";
import { sha256 } from "@/lib/crypto";
import { addPerson } from "./accounts";
import { openSession } from "./people";
import { row, type MatrixFixture, type MatrixRow } from "./role-matrix";

const form = (values: Record<string, string>) => {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) data.append(key, value);
  return data;
};
let serial = 0;
const unique = (name: string) => `${name} ${++serial}`;
const idle = { status: "idle" } as const;

/** A fresh viewer in account A: a target every role with people:manage may manage. */
async function newViewer(f: MatrixFixture) {
  const email = `${unique("matrix-target").replace(" ", "-")}@example.com`;
  return (await addPerson({ accountId: f.a.accountId, email, password: "target-password-1", role: "viewer" })).id;
}
const personInA = async (f: MatrixFixture, id: string) =>
  (await getDb().select().from(accountHolders).where(and(eq(accountHolders.id, id), eq(accountHolders.accountId, f.a.accountId))))[0];
const sessionExists = async (tokenHash: string) => (await getDb().select().from(sessions).where(eq(sessions.tokenHash, tokenHash))).length === 1;

const ACCOUNT_SETTINGS: MatrixRow[] = [
  row({
    name: "updateAccountSettingsAction (name, time zone)", permission: "settings:write", kind: "state", audit: "account.settings_changed",
    // Another account's owner is allowed and changes their own account: only "A unchanged" applies.
    untargeted: true,
    prepare: async () => unique("Matrix account"),
    run: (_f, name) => accountSettingsActions.updateAccountSettingsAction(idle, form({ name, timeZone: "Europe/Berlin" })),
    changed: async (f, name) => (await getDb().select().from(accounts).where(eq(accounts.id, f.a.accountId)))[0]!.name === name,
  }),
  row({
    name: "accountImportWebhookAction (set the URL)", permission: "settings:write", kind: "state", audit: "account.import_webhook_set",
    untargeted: true,
    prepare: async () => `https://hooks.example.com/${unique("matrix").replace(" ", "-")}`,
    run: (_f, url) => accountSettingsActions.accountImportWebhookAction(idle, form({ intent: "save", url })),
    changed: async (f, url) => (await getDb().select().from(accounts).where(eq(accounts.id, f.a.accountId)))[0]!.importWebhookUrl === url,
  }),
];

const PEOPLE: MatrixRow[] = [
  row({
    name: "invitePersonAction (a viewer)", permission: "people:manage", kind: "state", audit: "person.invited", untargeted: true,
    prepare: async () => `${unique("matrix-invitee").replace(" ", "-")}@example.com`,
    run: (_f, email) => peopleActions.invitePersonAction(idle, form({ email, role: "viewer" })),
    changed: async (f, email) =>
      (await getDb().select().from(accountLinks).where(and(eq(accountLinks.accountId, f.a.accountId), eq(accountLinks.email, email), eq(accountLinks.kind, "invitation")))).length === 1,
  }),
  row({
    name: "revokeInvitationAction", permission: "people:manage", kind: "state", audit: "person.invitation_revoked",
    prepare: async (f) =>
      (await createLink(getDb(), { accountId: f.a.accountId, kind: "invitation", email: `${unique("matrix-pending").replace(" ", "-")}@example.com`, role: "viewer", createdBy: f.a.holderId })).id,
    run: (_f, invitationId) => peopleActions.revokeInvitationAction(idle, form({ invitationId })),
    changed: async (_f, id) => (await getDb().select().from(accountLinks).where(and(eq(accountLinks.id, id), isNotNull(accountLinks.revokedAt)))).length === 1,
  }),
  row({
    name: "changeRoleAction (viewer to editor)", permission: "people:manage", kind: "state", audit: "person.role_changed",
    prepare: newViewer,
    run: (_f, personId) => peopleActions.changeRoleAction(idle, form({ personId, role: "editor" })),
    changed: async (f, id) => (await personInA(f, id))?.role === "editor",
  }),
  row({
    name: "removePersonAction", permission: "people:manage", kind: "state", audit: "person.removed",
    prepare: newViewer,
    run: (_f, personId) => peopleActions.removePersonAction(idle, form({ personId })),
    changed: async (f, id) => (await personInA(f, id)) === undefined,
  }),
  row({
    name: "makeResetLinkAction", permission: "people:manage", kind: "state", audit: "person.reset_link_made",
    prepare: newViewer,
    run: (_f, personId) => peopleActions.makeResetLinkAction(idle, form({ personId })),
    changed: async (_f, id) => (await getDb().select().from(accountLinks).where(and(eq(accountLinks.accountHolderId, id), eq(accountLinks.kind, "reset")))).length === 1,
  }),
];

type Own = { self: string; bystander: string };

/** Your account: the caller is the subject; a bystander in A must never be touched. */
async function ownSubject(f: MatrixFixture): Promise<Own> {
  return { self: "", bystander: await newViewer(f) };
}

/** The people in A with this name: none, or only the caller (anyone else fails the row). */
async function renamedInA(f: MatrixFixture, s: Own & { name: string }) {
  const named = await getDb().select({ id: accountHolders.id }).from(accountHolders).where(and(eq(accountHolders.accountId, f.a.accountId), eq(accountHolders.name, s.name)));
  if (named.some((p) => p.id !== s.self)) throw new Error("renamed someone other than the caller");
  return named.length === 1;
}

const YOUR_ACCOUNT: MatrixRow[] = [
  row({
    name: "renameSelfAction (own name only)", permission: "read", kind: "state", untargeted: true,
    prepare: async (f) => ({ ...(await ownSubject(f)), name: unique("Matrix Name") }),
    run: (f, s, _as, caller) => {
      s.self = f.people[caller];
      return yourAccountActions.renameSelfAction(idle, form({ name: s.name, personId: s.bystander }));
    },
    changed: renamedInA,
  }),
  row({
    name: "changePasswordAction (own password only)", permission: "read", kind: "state", untargeted: true,
    prepare: async (f) => ({ ...(await ownSubject(f)), next: unique("matrix new password") }),
    run: (f, s, _as, caller) => {
      s.self = f.people[caller];
      const current = f.passwords[caller];
      return yourAccountActions.changePasswordAction(idle, form({ current, next: s.next, confirm: s.next, personId: s.bystander }));
    },
    changed: async (f, s) => {
      if (await verifyPassword(s.next, (await personInA(f, s.bystander))!.passwordHash!)) throw new Error("changed someone else's password");
      const self = await personInA(f, s.self);
      return self !== undefined && (await verifyPassword(s.next, self.passwordHash!));
    },
  }),
  row({
    name: "signOutOtherSessionsAction (own sessions only)", permission: "read", kind: "state", untargeted: true,
    prepare: async (f) => {
      const own = await ownSubject(f);
      return { ...own, current: "", mine: "", theirs: await openSession(own.bystander) };
    },
    run: async (f, s, as, caller) => {
      s.self = f.people[caller];
      s.current = sha256(as.token);
      s.mine = await openSession(s.self, "another browser");
      return yourAccountActions.signOutOtherSessionsAction();
    },
    changed: async (f, s) => {
      if (!(await sessionExists(s.theirs))) throw new Error("ended someone else's session");
      if (!(await sessionExists(s.current))) throw new Error("ended the caller's own current session");
      return (await personInA(f, s.self)) !== undefined && !(await sessionExists(s.mine));
    },
  }),
];

export const SETTINGS_ROWS: MatrixRow[] = [...ACCOUNT_SETTINGS, ...PEOPLE, ...YOUR_ACCOUNT];
