// Test data: a second, independent account with its own flow and source.
import { getDb } from "@/db";
import { demoFlowConfig } from "@/db/demo-flow";
import { accountHolders, accounts, flows, sources, type HolderRole } from "@/db/schema";
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
  const holderId = newId();
  await db.insert(accountHolders).values({ id: holderId, accountId, email: options.email, role: "owner", passwordHash: await hashPassword(options.password) });
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
  return { accountId, holderId, flowId, sourceId, apiKey, docsToken: docsToken(secret, sourceId, nonce) };
}

/** Another person in an existing account, with a password and a role. */
export async function addPerson(options: { accountId: string; email: string; password: string; role: HolderRole; name?: string }) {
  const id = newId();
  await getDb()
    .insert(accountHolders)
    .values({ id, accountId: options.accountId, email: options.email, name: options.name ?? "", role: options.role, passwordHash: await hashPassword(options.password) });
  return { id };
}
