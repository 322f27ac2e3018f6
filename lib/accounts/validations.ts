// What a person types when an account or a login is made: parsed here, once, for the command line,
// the sign-up form and the link pages alike.
import { z } from "zod";

/** Emails are stored trimmed and in lower case, so one address is one person however it is typed. */
export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email("Enter a valid email address").max(254, "That email address is too long"));

export const personNameSchema = z.string().trim().min(1, "Enter your name").max(100, "Use at most 100 characters");

export const accountNameSchema = z.string().trim().min(1, "Enter a name for the account").max(100, "Use at most 100 characters");

// Region names only (America/New_York, UTC): Intl would also take "+05:00", which PostgreSQL reads
// with the opposite sign, so offsets are refused.
const ZONE_NAME = /^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/;

export function isKnownTimeZone(zone: string): boolean {
  if (!ZONE_NAME.test(zone)) return false;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export const timeZoneSchema = z
  .string()
  .trim()
  .superRefine((zone, ctx) => {
    if (!isKnownTimeZone(zone)) ctx.addIssue({ code: "custom", message: `Unknown time zone "${zone}": use a name such as America/New_York or UTC` });
  });

export const DEFAULT_TIME_ZONE = "America/Chicago";
