// Seeds the demo account, flow and sources. Idempotent: a second run finds them by the demo email
// and returns the same ids and docs URLs, with null where a secret was printed the first time.
import { and, asc, eq } from "drizzle-orm";
import { hashPassword } from "@/lib/auth/password";
import { randomToken } from "@/lib/crypto";
import { newId } from "@/lib/ids";
import { docsToken, docsUrl, hashApiKey, hashToken, newApiKey, newTokenNonce } from "@/lib/sources/tokens";
import type { Db } from "./client";
import { DEMO_FLOW_NAME, demoFlowConfig } from "./demo-flow";
import { accountHolders, accounts, flows, flowVersions, sources } from "./schema";

export const DEMO_EMAIL = "demo@leadport.local";
const DEMO_SOURCES = ["Acme Leads", "Best Lead Co"];

export type SeedResult = {
  accountHolder: { email: string; password: string | null };
  flows: Array<{
    id: string;
    name: string;
    sources: Array<{ id: string; name: string; apiKey: string | null; docsUrl: string }>;
  }>;
};

export type SeedOptions = { secret: string; appUrl: string; password?: string };

export async function seedDemo(db: Db, options: SeedOptions): Promise<SeedResult> {
  return db.transaction(async (tx) => {
    const [holder] = await tx.select().from(accountHolders).where(eq(accountHolders.email, DEMO_EMAIL));
    const created = holder ? null : await createDemo(tx as unknown as Db, options);
    const accountId = holder?.accountId ?? created!.accountId;
    const [flow] = await tx
      .select({ id: flows.id, name: flows.name })
      .from(flows)
      .where(and(eq(flows.accountId, accountId), eq(flows.name, DEMO_FLOW_NAME)));
    const flowSources = flow
      ? await tx
          .select({ id: sources.id, name: sources.name, nonce: sources.docsTokenNonce })
          .from(sources)
          .where(eq(sources.flowId, flow.id))
          .orderBy(asc(sources.id))
      : [];
    return {
      accountHolder: { email: DEMO_EMAIL, password: created?.password ?? null },
      flows: flow
        ? [
            {
              ...flow,
              sources: flowSources.map((s) => ({
                id: s.id,
                name: s.name,
                apiKey: created?.apiKeys.get(s.id) ?? null,
                docsUrl: docsUrl(options.appUrl, docsToken(options.secret, s.id, s.nonce)),
              })),
            },
          ]
        : [],
    };
  });
}

async function createDemo(db: Db, options: SeedOptions) {
  const accountId = newId();
  const password = options.password ?? randomToken(12);
  await db.insert(accounts).values({ id: accountId, name: "Demo Account" });
  await db.insert(accountHolders).values({
    id: newId(),
    accountId,
    email: DEMO_EMAIL,
    name: "Demo Holder",
    role: "owner",
    passwordHash: await hashPassword(password),
  });
  const flowId = newId();
  await db.insert(flows).values({ id: flowId, accountId, name: DEMO_FLOW_NAME, config: demoFlowConfig });
  await db.insert(flowVersions).values({ flowId, version: 1, name: DEMO_FLOW_NAME, config: demoFlowConfig });
  const apiKeys = new Map<string, string>();
  for (const name of DEMO_SOURCES) {
    const id = newId();
    const apiKey = newApiKey();
    const nonce = newTokenNonce();
    apiKeys.set(id, apiKey);
    await db.insert(sources).values({
      id,
      accountId,
      flowId,
      name,
      contact: "leads@example.com",
      config: { acceptance: [], pricing: { mode: "rules", rules: [] }, caps: [] },
      apiKeyHash: hashApiKey(apiKey),
      docsTokenNonce: nonce,
      docsTokenHash: hashToken(docsToken(options.secret, id, nonce)),
    });
  }
  return { accountId, password, apiKeys };
}
