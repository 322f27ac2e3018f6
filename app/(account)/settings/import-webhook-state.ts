// The state of an import webhook form (account settings and a source's page), and how a lib result
// reads in it. Not a "use server" module: it exports a type and a helper, not actions.
import type { SaveWebhookResult } from "@/lib/notifications/webhooks";

export type ImportWebhookState =
  | { status: "idle" }
  | { status: "saved"; url: string; secret: string }
  | { status: "removed" }
  | { status: "error"; message: string };

export function webhookState(result: SaveWebhookResult | { status: "ok" }, gone: string, forbidden: string): ImportWebhookState {
  if (result.status === "ok") return "secret" in result ? { status: "saved", url: result.url, secret: result.secret } : { status: "removed" };
  if (result.status === "invalid") return { status: "error", message: result.message };
  return { status: "error", message: result.status === "forbidden" ? forbidden : gone };
}
