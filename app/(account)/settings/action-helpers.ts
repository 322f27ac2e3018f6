// Shared by the settings Server Actions: who is acting (or why nobody may), and how lib results that
// are refusals read to the person. Not a "use server" module: it exports helpers, not actions.
import { redirect } from "next/navigation";
import { authorize, FORBIDDEN_MESSAGE } from "@/lib/auth/session";
import type { Permission } from "@/lib/auth/roles";
import { actorOf, type Actor } from "@/lib/people/actor";

export type ErrorState = { status: "error"; message: string };

/** The acting person for this permission, or the error state to answer with. No session: sign-in. */
export async function actorFor(permission: Permission): Promise<{ actor: Actor } | ErrorState> {
  const auth = await authorize(permission);
  if (auth.status === "signed_out") redirect("/login");
  if (auth.status === "forbidden") return { status: "error", message: FORBIDDEN_MESSAGE };
  return { actor: actorOf(auth.holder) };
}

const GONE = "That person or invitation is no longer in this account. Reload the page.";

/** forbidden, not_found and refused results as the one error message a form shows. */
export function refusal(result: { status: "forbidden" } | { status: "not_found" } | { status: "refused"; message: string }): ErrorState {
  if (result.status === "forbidden") return { status: "error", message: FORBIDDEN_MESSAGE };
  if (result.status === "not_found") return { status: "error", message: GONE };
  return { status: "error", message: result.message };
}
