// The settings Server Actions and pages as each role calls them: the role checks at the edge, the
// state each answers with, and that a page a role may not open is a 404.
import { actAs, nextNavigation, signInAs, type SignedIn } from "../helpers/as-person";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { accountHolders } from "@/db/schema";
import { getSessionHolder } from "@/lib/auth/queries";
import { FORBIDDEN_MESSAGE } from "@/lib/auth/session";
import { sha256 } from "@/lib/crypto";
import { updateAccountSettingsAction } from "@/app/(account)/settings/actions";
import AccountSettingsPage from "@/app/(account)/settings/page";
import AuditLogPage from "@/app/(account)/settings/audit/page";
import { changePasswordAction, renameSelfAction, signOutOtherSessionsAction } from "@/app/(account)/settings/me/actions";
import YourAccountPage from "@/app/(account)/settings/me/page";
import { changeRoleAction, invitePersonAction, makeResetLinkAction, removePersonAction, revokeInvitationAction } from "@/app/(account)/settings/people/actions";
import PeoplePage from "@/app/(account)/settings/people/page";
import { PASSWORD, teamAccount } from "../helpers/people";

type Team = Awaited<ReturnType<typeof teamAccount>>;
let team: Team;
let other: Team;
const sessions: Record<string, SignedIn> = {};

beforeAll(async () => {
  team = await teamAccount("actions");
  other = await teamAccount("actions-other");
  for (const role of ["owner", "admin", "editor", "viewer"] as const) sessions[role] = await signInAs(team[role].id);
  sessions.otherOwner = await signInAs(other.owner.id);
});

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.set(k, v);
  return data;
};
const idle = { status: "idle" } as const;
const forbidden = { status: "error", message: FORBIDDEN_MESSAGE };

async function outcome(run: () => Promise<unknown>): Promise<unknown> {
  try {
    return await run();
  } catch (error) {
    const navigation = nextNavigation(error);
    if (navigation) return navigation;
    throw error;
  }
}

describe("settings actions refuse roles without the permission", () => {
  it.each(["editor", "viewer"] as const)("%s: every people and settings action answers with the forbidden message", async (role) => {
    actAs(sessions[role]!);
    const target = team.viewer.id;
    expect(await invitePersonAction(idle, form({ email: "x@actions.test", role: "viewer" }))).toEqual(forbidden);
    expect(await revokeInvitationAction(idle, form({ invitationId: target }))).toEqual(forbidden);
    expect(await changeRoleAction(idle, form({ personId: target, role: "editor" }))).toEqual(forbidden);
    expect(await removePersonAction(idle, form({ personId: target }))).toEqual(forbidden);
    expect(await makeResetLinkAction(idle, form({ personId: target }))).toEqual(forbidden);
    expect(await updateAccountSettingsAction(idle, form({ name: "Mine now", timeZone: "UTC" }))).toEqual(forbidden);
  });

  it("without a session, sends to sign-in", async () => {
    actAs(null);
    expect(await outcome(() => invitePersonAction(idle, form({ email: "x@actions.test", role: "viewer" })))).toBe("redirect:/login");
    expect(await outcome(() => renameSelfAction(idle, form({ name: "x" })))).toBe("redirect:/login");
  });

  it("an owner of another account finds nobody here", async () => {
    actAs(sessions.otherOwner!);
    const gone = { status: "error", message: expect.stringContaining("no longer in this account") };
    expect(await changeRoleAction(idle, form({ personId: team.viewer.id, role: "editor" }))).toEqual(gone);
    expect(await removePersonAction(idle, form({ personId: team.viewer.id }))).toEqual(gone);
    expect(await makeResetLinkAction(idle, form({ personId: team.viewer.id }))).toEqual(gone);
    expect(await removePersonAction(idle, form({ personId: "../../etc" }))).toEqual(gone);
  });
});

describe("settings actions for owners and admins", () => {
  it("invites and shows the link once, then revokes", async () => {
    actAs(sessions.admin!);
    const invited = await invitePersonAction(idle, form({ email: "joiner@actions.test", role: "editor" }));
    expect(invited).toMatchObject({ status: "invited", email: "joiner@actions.test", mailed: false, url: expect.stringMatching(/\/invite\//) });
    expect(await invitePersonAction(idle, form({ email: "boss@actions.test", role: "owner" }))).toEqual(forbidden);
    expect(await invitePersonAction(idle, form({ email: "nope", role: "viewer" }))).toMatchObject({ status: "invalid", fieldErrors: { email: expect.any(String) } });
  });

  it("the last owner demoting themselves is told why; removing a person ends their session", async () => {
    actAs(sessions.owner!);
    expect(await changeRoleAction(idle, form({ personId: team.owner.id, role: "admin" }))).toEqual({
      status: "error",
      message: expect.stringContaining("You are the account's last owner"),
    });
    const leaver = await team.add("viewer", "leaver");
    const theirs = await signInAs(leaver.id);
    actAs(sessions.owner!);
    expect(await removePersonAction(idle, form({ personId: leaver.id }))).toMatchObject({ status: "ok" });
    expect(await getSessionHolder(sha256(theirs.token))).toBeNull();
  });

  it("changing your own role signs you out", async () => {
    const spare = await team.add("admin", "spare-admin");
    const session = await signInAs(spare.id);
    expect(await outcome(() => changeRoleAction(idle, form({ personId: spare.id, role: "editor" })))).toBe("redirect:/login");
    expect(await getSessionHolder(sha256(session.token))).toBeNull();
  });
});

describe("Your account actions", () => {
  it("renames, changes the password keeping this session, and signs out of the others", async () => {
    const me = await team.add("viewer", "me");
    const here = await signInAs(me.id);
    const elsewhere = await signInAs(me.id);
    actAs(here);
    expect(await renameSelfAction(idle, form({ name: "Me Myself" }))).toEqual({ status: "ok", name: "Me Myself" });
    const [row] = await getDb().select({ name: accountHolders.name }).from(accountHolders).where(eq(accountHolders.id, me.id));
    expect(row!.name).toBe("Me Myself");
    expect(await changePasswordAction(idle, form({ current: "wrong password", next: "another long one", confirm: "another long one" }))).toMatchObject({ status: "invalid" });
    expect(await changePasswordAction(idle, form({ current: PASSWORD, next: "another long one", confirm: "another long one" }))).toEqual({ status: "ok", sessionsEnded: 1 });
    expect(await getSessionHolder(sha256(here.token))).not.toBeNull();
    expect(await getSessionHolder(sha256(elsewhere.token))).toBeNull();
    const third = await signInAs(me.id);
    actAs(here);
    expect(await signOutOtherSessionsAction()).toEqual({ status: "ok", sessionsEnded: 1 });
    expect(await getSessionHolder(sha256(third.token))).toBeNull();
    expect(await getSessionHolder(sha256(here.token))).not.toBeNull();
  });
});

describe("settings pages", () => {
  const pages = {
    account: () => AccountSettingsPage(),
    people: () => PeoplePage(),
    me: () => YourAccountPage(),
    audit: () => AuditLogPage({ searchParams: Promise.resolve({ before: "abc" }) }),
  };
  const opens = async (role: keyof typeof sessions, page: keyof typeof pages) => {
    actAs(sessions[role]!);
    const result = await outcome(pages[page]);
    return result === "not-found" ? "404" : "page";
  };

  it("open for the roles that may see them and answer 404 to the rest", async () => {
    const table: Record<string, Record<keyof typeof pages, string>> = {};
    for (const role of ["owner", "admin", "editor", "viewer"]) {
      table[role] = { account: await opens(role, "account"), people: await opens(role, "people"), me: await opens(role, "me"), audit: await opens(role, "audit") };
    }
    expect(table).toEqual({
      owner: { account: "page", people: "page", me: "page", audit: "page" },
      admin: { account: "page", people: "page", me: "page", audit: "page" },
      editor: { account: "page", people: "404", me: "page", audit: "404" },
      viewer: { account: "page", people: "404", me: "page", audit: "404" },
    });
  });
});
