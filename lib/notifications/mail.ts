// Sends the "import ended" email from a worker. lib/mail/send.ts is server-only (it reads lib/env),
// which the standalone worker cannot import, so this makes its own nodemailer transport from the
// same SMTP_URL and MAIL_FROM.
import nodemailer, { type Transporter } from "nodemailer";
import { envSchema } from "@/lib/env-schema";

export type SendMail = (mail: { to: string; subject: string; text: string }) => Promise<"sent" | "not_configured" | "failed">;

const settingsSchema = envSchema.pick({ SMTP_URL: true, MAIL_FROM: true });
let transport: { url: string; transporter: Transporter } | undefined;

export const smtpMail: SendMail = async (mail) => {
  const settings = settingsSchema.parse(process.env);
  if (!settings.SMTP_URL) return "not_configured";
  if (transport?.url !== settings.SMTP_URL) transport = { url: settings.SMTP_URL, transporter: nodemailer.createTransport(settings.SMTP_URL) };
  try {
    await transport.transporter.sendMail({ from: settings.MAIL_FROM, ...mail });
    return "sent";
  } catch {
    return "failed";
  }
};
