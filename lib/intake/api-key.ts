import "server-only";
import { getDatabase } from "@/db";
import { runStatement } from "@/db/transaction";

// A source's API key hash as it is now, never from the settings cache (SubmitTarget.apiKeyHash may be
// up to SETTINGS_TTL_MS old): one primary-key lookup, prepared once per connection, so a rotated key
// stops working at once on every app process. Only requests to a source that requires its key pay it.
export async function getCurrentApiKeyHash(sourceId: string): Promise<string | null> {
  const { rows } = await runStatement<{ api_key_hash: string }>(getDatabase(), "select api_key_hash from sources where id = $1", [sourceId], {
    name: "intake_current_api_key_hash",
  });
  return rows[0]?.api_key_hash ?? null;
}
