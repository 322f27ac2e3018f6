// The role × action matrix's pieces: one account with a person of every role, another account's
// owner, and a row type each changing Server Action or route handler fills in once. The runner in
// tests/integration/roles-matrix.test.ts calls every row as every caller; the settings, people and
// Your account rows are in role-matrix-settings.ts.
import { and, count, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { auditEvents, imports, type HolderRole } from "@/db/schema";
import type { AuditAction } from "@/lib/audit/record";
import type { Permission } from "@/lib/auth/roles";
import { getImportMapping, setImportMapping } from "@/lib/imports/service";
import { addPerson, createAccount } from "./accounts";
import { signInAs, type SignedIn } from "./as-person";
import { uploadFile } from "./imports";

export type Caller = HolderRole | "other-owner";
export const CALLERS: readonly Caller[] = ["owner", "admin", "editor", "viewer", "other-owner"];

export type MatrixFixture = {
  /** The account every row acts on; its owner is `a.holderId`. */
  a: Awaited<ReturnType<typeof createAccount>>;
  b: Awaited<ReturnType<typeof createAccount>>;
  sessions: Record<Caller, SignedIn>;
  /** Each caller's person id and password, for the actions a person takes on their own account. */
  people: Record<Caller, string>;
  passwords: Record<Caller, string>;
};

/**
 * How the action answers:
 * - "state": a Server Action with a state; refused -> { status: "error", message: FORBIDDEN_MESSAGE }.
 * - "void": a plain form action; refused -> returns nothing, changes nothing.
 * - "route": a route handler; refused -> 403, another account's target -> 404.
 */
export type AnswerKind = "state" | "void" | "route";

export type MatrixRow<S = unknown> = {
  name: string;
  /** The Server Action's export name, when the name does not start with it (for the every-action check). */
  action?: string;
  permission: Permission;
  kind: AnswerKind;
  /** The audit entry an allowed call writes in account A (in the same transaction as the change). */
  audit?: AuditAction;
  /**
   * The action names nothing in account A (a new flow, a multi-flow import): another account's owner
   * is allowed and acts in their own account, so for them only "A unchanged" is checked.
   */
  untargeted?: true;
  /** Makes a fresh subject in account A for one call, as its owner would through lib/. */
  prepare: (f: MatrixFixture) => Promise<S>;
  /** Calls the action for real, as the signed-in caller. */
  run: (f: MatrixFixture, subject: S, as: SignedIn, caller: Caller) => Promise<unknown>;
  /** Whether the call took effect in account A. */
  changed: (f: MatrixFixture, subject: S) => Promise<boolean>;
};

export const row = <S>(r: MatrixRow<S>) => r as MatrixRow<unknown>;

export async function createMatrixFixture(prefix: string): Promise<MatrixFixture> {
  const passwords: Record<Caller, string> = {
    owner: "owner-password-1",
    admin: "admin-password-1",
    editor: "editor-password-1",
    viewer: "viewer-password-1",
    "other-owner": "other-password-1",
  };
  const a = await createAccount({ email: `${prefix}-owner@example.com`, password: passwords.owner });
  const b = await createAccount({ email: `${prefix}-other@example.com`, password: passwords["other-owner"] });
  const people: Record<Caller, string> = { owner: a.holderId, "other-owner": b.holderId } as Record<Caller, string>;
  for (const role of ["admin", "editor", "viewer"] as const) {
    people[role] = (await addPerson({ accountId: a.accountId, email: `${prefix}-${role}@example.com`, password: passwords[role], role })).id;
  }
  const sessions = {} as Record<Caller, SignedIn>;
  for (const caller of CALLERS) sessions[caller] = await signInAs(people[caller]);
  return { a, b, sessions, people, passwords };
}

export async function countAudit(accountId: string, action: AuditAction): Promise<number> {
  const [row] = await getDb()
    .select({ n: count() })
    .from(auditEvents)
    .where(and(eq(auditEvents.accountId, accountId), eq(auditEvents.action, action)));
  return Number(row?.n ?? 0);
}

export const IMPORT_FILE = "First Name,Last Name,Email,Phone\nAnn,Lee,ann@example.com,5125550100\nBob,Ray,bob@example.com,5125550101\n";

export async function importOf(id: string) {
  const [row] = await getDb().select().from(imports).where(eq(imports.id, id));
  return row!;
}

/** A staged import in account A, uploaded with its source's API key. */
export async function stagedImport(f: MatrixFixture): Promise<string> {
  const response = await uploadFile(f.a, IMPORT_FILE);
  if (response.status !== 201) throw new Error(`upload answered ${response.status}`);
  return ((await response.json()) as { id: string }).id;
}

/** The suggested mapping of an import, as the wizard and the API send it. */
export async function suggestedMapping(f: MatrixFixture, id: string) {
  const view = (await getImportMapping({ accountId: f.a.accountId }, id))!;
  return view.columns.map((c, column) => ({ column, fieldId: c.fieldId }));
}

export async function mappedImport(f: MatrixFixture): Promise<string> {
  const id = await stagedImport(f);
  const saved = await setImportMapping({ accountId: f.a.accountId }, id, await suggestedMapping(f, id));
  if (saved.status !== "ok") throw new Error("mapping not saved");
  return id;
}

/** A mapped import moved straight to a state (validation itself is tested in imports-workflow). */
export async function importInState(f: MatrixFixture, patch: Partial<typeof imports.$inferInsert>): Promise<string> {
  const id = await mappedImport(f);
  const rows = (await importOf(id)).rows;
  await getDb().update(imports).set({ validatedRows: rows, ...patch }).where(eq(imports.id, id));
  return id;
}
