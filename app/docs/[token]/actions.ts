"use server";

import { z } from "zod";
import { exampleMethods } from "@/lib/sources/example-request";
import { sendDocsExample } from "@/lib/sources/submission-docs";

export type ExampleState =
  | { status: "idle" }
  | { status: "sent"; httpStatus: number; contentType: string; reply: string; outcome: string }
  | { status: "error"; message: string };

const FIELD_PREFIX = "field.";
const exampleInput = z.object({
  token: z.string().max(100),
  method: z.enum(exampleMethods),
  values: z.record(z.string().regex(/^[a-z][a-z0-9_]*$/), z.string().max(2000)).refine((v) => Object.keys(v).length <= 200),
});

// The docs page's "Send test lead": no login, the token is the credential and names the source.
export async function sendExampleAction(_prev: ExampleState, formData: FormData): Promise<ExampleState> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData) {
    if (key.startsWith(FIELD_PREFIX) && typeof value === "string") values[key.slice(FIELD_PREFIX.length)] = value;
  }
  const parsed = exampleInput.safeParse({ token: formData.get("token"), method: formData.get("method"), values });
  if (!parsed.success) return { status: "error", message: "Those values could not be sent: check each field and try again." };
  const result = await sendDocsExample(parsed.data);
  if (result.status === "not_found") return { status: "error", message: "This link is no longer valid." };
  return result;
}
