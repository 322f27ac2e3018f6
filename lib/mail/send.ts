import "server-only";
import nodemailer, { type Transporter } from "nodemailer";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";

export type Mail = { to: string; subject: string; text: string };
export type MailResult = "sent" | "not_configured" | "failed";

// One transport per process, made on first use from SMTP_URL (nodemailer parses the URL, pools
// connections and speaks SMTP; we never do).
let transport: Transporter | undefined;
let testOutbox: Mail[] | undefined;

/** Sends one mail. Never throws: a mail server that is down must not fail the action that sent it. */
export async function sendMail(mail: Mail): Promise<MailResult> {
  if (testOutbox) {
    testOutbox.push(mail);
    return "sent";
  }
  if (!env.SMTP_URL) return "not_configured";
  transport ??= nodemailer.createTransport(env.SMTP_URL);
  try {
    await transport.sendMail({ from: env.MAIL_FROM, ...mail });
    return "sent";
  } catch (error) {
    logger.warn({ err: error instanceof Error ? error.message : String(error), to: mail.to, subject: mail.subject }, "mail not sent");
    return "failed";
  }
}

/** Whether mail goes out at all (SMTP_URL set), to word a page: "we emailed it" or "copy this link". */
export function mailConfigured(): boolean {
  return Boolean(testOutbox || env.SMTP_URL);
}

/** Tests: collect mail in memory instead of sending it. Returns the outbox; undefined turns it off. */
export function captureMailForTests(on = true): Mail[] {
  testOutbox = on ? [] : undefined;
  return testOutbox ?? [];
}
