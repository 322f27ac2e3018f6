"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { actionCaller } from "@/app/_components/action-guard";
import { isId } from "@/lib/ids";
import { logger } from "@/lib/logger";
import { changeReportLink, createReportLink, setPartnerContacts, stopReportLink } from "@/lib/report-links/service";

export type ShareState = { status: "idle" } | { status: "ok"; url: string } | { status: "invalid"; message: string } | { status: "error"; message: string };

const ids = (form: FormData, key: string) => form.getAll(key).map(String).filter((v) => v !== "");

// Shares the report the account holder is looking at (its flows, sources, outcomes, field filter and
// grouping), or a partner report for one source. The scope is checked against the account in lib/.
export async function createReportLinkAction(_prev: ShareState, form: FormData): Promise<ShareState> {
  const caller = await actionCaller("reports:share");
  if (caller.status === "forbidden") return { status: "error", message: caller.message };
  const { holder } = caller;
  const kind = form.get("kind") === "partner" ? "partner" : "report";
  const field = String(form.get("field") ?? "");
  const value = String(form.get("value") ?? "");
  const scope =
    kind === "partner"
      ? { kind, sourceId: String(form.get("partnerSource") ?? ""), showContacts: form.get("showContacts") === "on" }
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
    if (result.status !== "ok") return result;
    revalidatePath("/reports");
    return { status: "ok", url: result.url };
  } catch (err) {
    logger.error({ err, accountId: holder.accountId }, "creating a report link failed");
    return { status: "error", message: "The link could not be created. Try again." };
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
