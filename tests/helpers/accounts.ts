// Test data: a second, independent account with its own flow and source.
import { getDb } from "@/db";
import { demoFlowConfig } from "@/db/demo-flow";
import { accountHolders, accounts, flows, sources } from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";
import { newId } from "@/lib/ids";
import { docsToken, hashApiKey, hashToken, newApiKey, newTokenNonce } from "@/lib/sources/tokens";

export async function createAccount(options: { email: string; password: string; secret?: string }) {
  const db = getDb();
  const accountId = newId();
  const flowId = newId();
  const sourceId = newId();
  const apiKey = newApiKey();
  const nonce = newTokenNonce();
  const secret = options.secret ?? process.env.LEADPORT_SECRET!;
  await db.insert(accounts).values({ id: accountId, name: `Account ${options.email}` });
  await db.insert(accountHolders).values({ id: newId(), accountId, email: options.email, passwordHash: await hashPassword(options.password) });
  await db.insert(flows).values({ id: flowId, accountId, name: "Other flow", config: demoFlowConfig });
  await db.insert(sources).values({
    id: sourceId,
    accountId,
    flowId,
    name: "Other source",
    config: { acceptance: [], pricing: { mode: "rules", rules: [] }, caps: [] },
    apiKeyHash: hashApiKey(apiKey),
    docsTokenNonce: nonce,
    docsTokenHash: hashToken(docsToken(secret, sourceId, nonce)),
  });
  return { accountId, flowId, sourceId, apiKey, docsToken: docsToken(secret, sourceId, nonce) };
}
