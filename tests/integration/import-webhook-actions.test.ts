// The import webhook forms' Server Actions: who may set them (settings:write for the account,
// sources:write for a source), the secret shown once, refusals as messages, and another account's
// source out of reach.
import { actAs, signInAs } from "../helpers/as-person";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { accounts, sources } from "@/db/schema";
import { FORBIDDEN_MESSAGE } from "@/lib/auth/session";
import { accountImportWebhookAction } from "@/app/(account)/settings/actions";
import { sourceImportWebhookAction } from "@/app/(account)/sources/[sourceId]/actions";
import { addPerson, createAccount } from "../helpers/accounts";

const idle = { status: "idle" } as const;
const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.set(k, v);
  return data;
};

let owner: Awaited<ReturnType<typeof createAccount>>;
let other: Awaited<ReturnType<typeof createAccount>>;
const people: Record<string, Awaited<ReturnType<typeof signInAs>>> = {};

beforeAll(async () => {
  owner = await createAccount({ email: "owner@webhook-actions.test", password: "webhook-actions-1" });
  other = await createAccount({ email: "owner@webhook-actions-other.test", password: "webhook-actions-1" });
  people.owner = await signInAs(owner.holderId);
  for (const role of ["editor", "viewer"] as const) {
    const person = await addPerson({ accountId: owner.accountId, email: `${role}@webhook-actions.test`, password: "webhook-actions-1", role });
    people[role] = await signInAs(person.id);
  }
});

describe("import webhook actions", () => {
  it("an owner sets the account's URL and sees a signing secret once; only a nonce is stored, not the secret", async () => {
    actAs(people.owner!);
    const state = await accountImportWebhookAction(idle, form({ intent: "save", url: "https://hooks.example.com/leadport" }));
    expect(state).toMatchObject({ status: "saved", url: "https://hooks.example.com/leadport", secret: expect.stringMatching(/^whsec_/) });
    const [row] = await getDb().select({ url: accounts.importWebhookUrl, nonce: accounts.importWebhookNonce }).from(accounts).where(eq(accounts.id, owner.accountId));
    expect(row!.url).toBe("https://hooks.example.com/leadport");
    expect(row!.nonce).toBeTruthy();
    expect(JSON.stringify(row)).not.toContain((state as { secret: string }).secret.slice(6));
    expect(await accountImportWebhookAction(idle, form({ intent: "save", url: "not a url" }))).toEqual({ status: "error", message: "Enter a full URL" });
    expect(await accountImportWebhookAction(idle, form({ intent: "remove" }))).toEqual({ status: "removed" });
  });

  it("an editor may not set the account's URL but may set a source's; a viewer may set neither", async () => {
    actAs(people.editor!);
    expect(await accountImportWebhookAction(idle, form({ intent: "save", url: "https://a.example/x" }))).toEqual({ status: "error", message: FORBIDDEN_MESSAGE });
    expect(await sourceImportWebhookAction(idle, form({ intent: "save", sourceId: owner.sourceId, url: "https://a.example/x" }))).toMatchObject({ status: "saved" });
    actAs(people.viewer!);
    expect(await sourceImportWebhookAction(idle, form({ intent: "remove", sourceId: owner.sourceId }))).toEqual({ status: "error", message: FORBIDDEN_MESSAGE });
    const [row] = await getDb().select({ url: sources.importWebhookUrl }).from(sources).where(eq(sources.id, owner.sourceId));
    expect(row!.url).toBe("https://a.example/x");
  });

  it("another account's source is gone, and nothing changes there", async () => {
    actAs(people.owner!);
    expect(await sourceImportWebhookAction(idle, form({ intent: "save", sourceId: other.sourceId, url: "https://evil.example/x" }))).toEqual({ status: "error", message: "This source no longer exists." });
    expect(await sourceImportWebhookAction(idle, form({ intent: "save", sourceId: "nope", url: "https://evil.example/x" }))).toMatchObject({ status: "error" });
    const [row] = await getDb().select({ url: sources.importWebhookUrl }).from(sources).where(eq(sources.id, other.sourceId));
    expect(row!.url).toBeNull();
  });
});
