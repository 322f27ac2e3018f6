import "server-only";
import { env } from "@/lib/env";
import { appSecret } from "@/lib/secret";
import { docsToken, docsUrl } from "./tokens";

// The Submission Docs URL of a source, derived again from its nonce (never stored in clear).
export function docsUrlFor(source: { id: string; docsTokenNonce: string }): string {
  return docsUrl(env.APP_URL, docsToken(appSecret(env), source.id, source.docsTokenNonce));
}
