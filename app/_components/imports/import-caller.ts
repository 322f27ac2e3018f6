import "server-only";
import { z } from "zod";
import type { AuditActor } from "@/lib/audit/record";
import { authorize } from "@/lib/auth/session";
import { sourceActor } from "@/lib/imports/access";
import type { ImportAccess } from "@/lib/imports/service";
import { wizardCaller } from "@/lib/imports/wizard-access";
import type { WizardScope } from "@/lib/imports/wizard-scope";

// Who is changing an import from the wizard's Server Actions: a person needs imports:write (a viewer
// only watches); a docs link always may, for its own source's imports. Not an action itself, so the
// browser cannot call it.

/** The wizard's scope as an action receives it from the browser: parsed, then authorized, never trusted. */
export const scopeSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("holder") }),
  z.object({ kind: z.literal("docs"), token: z.string().min(1).max(100) }),
]);

export type ChangingCaller = { status: "ok"; access: ImportAccess; actor: AuditActor } | { status: "forbidden"; message: string } | null;

export async function changingCaller(scope: WizardScope): Promise<ChangingCaller> {
  if (scope.kind === "holder") {
    const auth = await authorize("imports:write");
    if (auth.status === "signed_out") return null;
    if (auth.status === "forbidden") return auth;
    return { status: "ok", access: { accountId: auth.holder.accountId }, actor: { id: auth.holder.holderId, email: auth.holder.email } };
  }
  const caller = await wizardCaller(scope);
  return caller?.docs ? { status: "ok", access: caller.access, actor: sourceActor(caller.docs.sourceName) } : null;
}
