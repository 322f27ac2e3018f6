import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/db";
import { sources } from "@/db/schema";

// Who is calling the import API: the source an API key or a docs token belongs to.

const sourceColumns = { id: sources.id, name: sources.name, accountId: sources.accountId, flowId: sources.flowId, enabled: sources.enabled, apiKeyHash: sources.apiKeyHash };

export type CallerSource = { id: string; name: string; accountId: string; flowId: string; enabled: boolean; apiKeyHash: string };

export async function getSourceById(sourceId: string): Promise<CallerSource | null> {
  const [row] = await getDb().select(sourceColumns).from(sources).where(eq(sources.id, sourceId));
  return row ?? null;
}

export async function getSourceByApiKeyHash(apiKeyHash: string): Promise<CallerSource | null> {
  const [row] = await getDb().select(sourceColumns).from(sources).where(eq(sources.apiKeyHash, apiKeyHash));
  return row ?? null;
}

