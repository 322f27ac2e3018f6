import "server-only";
import { redirect } from "next/navigation";
import type { AuditActor } from "@/lib/audit/record";
import { authorize, type CurrentHolder } from "@/lib/auth/session";
import type { Permission } from "@/lib/auth/roles";

export type ActionCaller = { status: "ok"; holder: CurrentHolder; actor: AuditActor } | { status: "forbidden"; message: string };

/**
 * The first line of every Server Action that changes something: the signed-in person if their role
 * grants `permission` (with the actor the audit log names), else the message the action returns in
 * its own state. No session goes to sign-in, as pages do.
 */
export async function actionCaller(permission: Permission): Promise<ActionCaller> {
  const auth = await authorize(permission);
  if (auth.status === "signed_out") redirect("/login");
  if (auth.status === "forbidden") return auth;
  return { status: "ok", holder: auth.holder, actor: { id: auth.holder.holderId, email: auth.holder.email } };
}
