// "Forgot password?": mails a reset link to an address that has a login. The answer never says
// whether it does, and an address gets at most a few mails an hour, so the form cannot be used to
// find out who has an account nor to flood someone's inbox.
import { and, count, eq, gt, isNull, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { accountHolders, accountLinks } from "@/db/schema";
import { env } from "@/lib/env";
import { mailConfigured, sendMail } from "@/lib/mail/send";
import { createLink, linkUrl } from "./links";
import { fieldErrorsOf, type Invalid } from "./results";
import { emailSchema } from "./validations";
import { z } from "zod";

export const RESET_MAILS_PER_HOUR = 3;

export const RESET_MAILED_REPLY =
  "If that address has an account, we've emailed a link to choose a new password. It works once, within 24 hours. Check your spam folder if it does not arrive.";
export const NO_MAIL_REPLY =
  "This Leadport does not send email. Ask an owner or admin of your account to make you a password reset link on the People page.";

export type ForgotPasswordResult = { status: "ok"; message: string } | Invalid;

export async function requestPasswordReset(input: { email: string; appUrl?: string; now?: Date }): Promise<ForgotPasswordResult> {
  const parsed = z.object({ email: emailSchema }).safeParse(input);
  if (!parsed.success) return { status: "invalid", fieldErrors: fieldErrorsOf(parsed.error) };
  if (!mailConfigured()) return { status: "ok", message: NO_MAIL_REPLY };
  const mail = await makeResetLink(parsed.data.email, input.appUrl ?? env.APP_URL, input.now ?? new Date());
  // Not awaited: the reply must come as fast for a known address as for an unknown one. sendMail
  // never throws and logs a failure itself.
  if (mail) void sendMail(mail);
  return { status: "ok", message: RESET_MAILED_REPLY };
}

/** The mail to send, or null when the address has no login or had its share of mails this hour. */
async function makeResetLink(email: string, appUrl: string, now: Date) {
  return getDb().transaction(async (tx) => {
    // Locking the person's row makes count-then-insert one step: parallel requests queue here.
    const [holder] = await tx
      .select({ id: accountHolders.id, accountId: accountHolders.accountId, email: accountHolders.email })
      .from(accountHolders)
      .where(eq(sql`lower(${accountHolders.email})`, email))
      .for("update");
    if (!holder) return null;
    const [recent] = await tx
      .select({ n: count() })
      .from(accountLinks)
      .where(
        and(
          eq(accountLinks.accountHolderId, holder.id),
          eq(accountLinks.kind, "reset"),
          isNull(accountLinks.createdBy),
          gt(accountLinks.createdAt, new Date(now.getTime() - 3_600_000)),
        ),
      );
    if (Number(recent?.n ?? 0) >= RESET_MAILS_PER_HOUR) return null;
    const link = await createLink(tx, { accountId: holder.accountId, kind: "reset", email: holder.email, accountHolderId: holder.id, createdBy: null, now });
    return { to: holder.email, subject: "Choose a new Leadport password", text: resetMailText(holder.email, linkUrl(appUrl, "reset", link.token)) };
  });
}

function resetMailText(email: string, url: string): string {
  return [
    `Someone, hopefully you, asked to reset the Leadport password for ${email}.`,
    "",
    `Choose a new password here (the link works once, within 24 hours):`,
    url,
    "",
    "If you did not ask, ignore this mail: your password stays as it is.",
  ].join("\n");
}
