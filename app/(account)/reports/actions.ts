"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { actionCaller } from "@/app/_components/action-guard";
import { isId } from "@/lib/ids";
import { logger } from "@/lib/logger";
import { changeReportLink, createReportLink, setPartnerContacts, stopReportLink } from "@/lib/report-links/service";

// What the person typed, sent back with a refusal so the form shows it again instead of its defaults.
export type ShareValues = { name: string; kind: "report" | "partner"; partnerSource: string; showContacts: boolean };
export type ShareState =
  | { status: "idle" }
  | { status: "ok"; url: string }
  | { status: "invalid"; message: string; values: ShareValues }
  | { status: "error"; message: string; values?: ShareValues };

const ids = (form: FormData, key: string) => form.getAll(key).map(String).filter((v) => v !== "");

// Shares the report the account holder is looking at (its flows, sources, outcomes, field filter and
// grouping), or a partner report for one source. The scope is checked against the account in lib/.
export async function createReportLinkAction(_prev: ShareState, form: FormData): Promise<ShareState> {
  const kind = form.get("kind") === "partner" ? "partner" : "report";
  const values: ShareValues = {
    name: String(form.get("name") ?? "").slice(0, 200),
    kind,
    partnerSource: String(form.get("partnerSource") ?? "").slice(0, 64),
    showContacts: form.get("showContacts") === "on",
  };
  const caller = await actionCaller("reports:share");
  // A role that may not share is never shown the form: its refusal is the plain forbidden state.
  if (caller.status === "forbidden") return { status: "error", message: caller.message };
  const { holder } = caller;
  const field = String(form.get("field") ?? "");
  const value = String(form.get("value") ?? "");
  const scope =
    kind === "partner"
      ? { kind, sourceId: String(form.get("partnerSource") ?? ""), showContacts: values.showContacts }
      : {
          kind,
          flowIds: ids(form, "flow"),
          sourceIds: ids(form, "source"),
          importIds: ids(form, "import"),
          outcomes: ids(form, "outcome"),
          reasons: ids(form, "reason"),
          batchOnly: form.get("batch") === "1",
          fields: field && value ? [{ field, value }] : [],
          groupBy: form.get("group") || undefined,
        };
  try {
    const result = await createReportLink({ accountId: holder.accountId, name: String(form.get("name") ?? ""), scope, actor: caller.actor });
    if (result.status !== "ok") return { ...result, values };
    revalidatePath("/reports");
    return { status: "ok", url: result.url };
  } catch (err) {
    logger.error({ err, accountId: holder.accountId }, "creating a report link failed");
    return { status: "error", message: "The link could not be created. Try again.", values };
  }
}

const linkForm = z.object({ linkId: z.string().refine(isId) });

// The three below are plain form posts with no state to answer in: a role without reports:share
// changes nothing (and is not shown their buttons).

export async function changeReportLinkAction(form: FormData) {
  const caller = await actionCaller("reports:share");
  if (caller.status === "forbidden") return;
  const parsed = linkForm.safeParse({ linkId: form.get("linkId") });
  if (parsed.success) await changeReportLink(caller.holder.accountId, parsed.data.linkId, caller.actor);
  revalidatePath("/reports");
}

export async function stopReportLinkAction(form: FormData) {
  const caller = await actionCaller("reports:share");
  if (caller.status === "forbidden") return;
  const parsed = linkForm.safeParse({ linkId: form.get("linkId") });
  if (parsed.success) await stopReportLink(caller.holder.accountId, parsed.data.linkId, caller.actor);
  revalidatePath("/reports");
}

export async function setPartnerContactsAction(form: FormData) {
  const caller = await actionCaller("reports:share");
  if (caller.status === "forbidden") return;
  const parsed = linkForm.safeParse({ linkId: form.get("linkId") });
  if (parsed.success) await setPartnerContacts(caller.holder.accountId, parsed.data.linkId, form.get("show") === "1");
  revalidatePath("/reports");
}
