import "server-only";
import { NextRequest } from "next/server";
import { SESSION_COOKIE } from "@/lib/auth/session";
import type { AuditActor } from "@/lib/audit/record";
import { getSessionHolder } from "@/lib/auth/queries";
import { can, type HolderRole } from "@/lib/auth/roles";
import { sha256 } from "@/lib/crypto";
import { readBasicAuth } from "@/lib/intake/basic-auth";
import { resolveDocsToken } from "@/lib/sources/docs-access";
import { apiKeyMatches } from "@/lib/sources/tokens";
import { getSourceByApiKeyHash, getSourceById } from "./queries";
import type { ImportAccess, ImportTarget } from "./store";

// Who is calling the import API, from the request alone (route handlers, and tests that call them):
// - a source's API key, HTTP Basic with user "API": that flow and source only;
// - a source's Submission Docs token, "Authorization: Bearer <token>" or ?docs_token= (EventSource
//   cannot send headers): that flow and source only, as the docs page itself;
// - an account holder's session cookie: every flow and source of the account to read, and to change
//   when their role grants imports:write (a viewer reads only).

export type Caller =
  | { kind: "holder"; accountId: string; holderId: string; email: string; role: HolderRole }
  | { kind: "source"; accountId: string; flowId: string; sourceId: string; sourceName: string; enabled: boolean };

export async function identifyCaller(request: Request): Promise<Caller | null> {
  const authorization = request.headers.get("authorization") ?? "";
  if (/^Basic\s/i.test(authorization)) return sourceByApiKey(authorization);
  const bearer = /^Bearer\s+(\S+)$/i.exec(authorization)?.[1] ?? new URL(request.url).searchParams.get("docs_token");
  if (bearer) return sourceByDocsToken(bearer);
  // Headers only: wrapping the request itself would take over its body (the upload).
  const session = new NextRequest(request.url, { headers: request.headers }).cookies.get(SESSION_COOKIE)?.value;
  if (!session) return null;
  const holder = await getSessionHolder(sha256(session));
  return holder ? { kind: "holder", accountId: holder.accountId, holderId: holder.holderId, email: holder.email, role: holder.role } : null;
}

/** Whether this caller may change imports: a source always may (its own, as before); a person by role. */
export const mayChangeImports = (caller: Caller) => caller.kind === "source" || can(caller.role, "imports:write");
/** Deleting an import (its file and results) is for people who may change imports, never a source's key or docs link. */
export const mayDeleteImports = (caller: Caller) => caller.kind === "holder" && can(caller.role, "imports:write");

/**
 * Who the audit log names for this caller's changes. A source has no person behind it: the entry
 * names the source itself ("source:<name>") with no person id.
 */
export function actorOf(caller: Caller): AuditActor {
  return caller.kind === "holder" ? { id: caller.holderId, email: caller.email } : sourceActor(caller.sourceName);
}

export const sourceActor = (sourceName: string): AuditActor => ({ id: null, email: `source:${sourceName}` });

/** What this caller may read: the account, or only its own source's imports. */
export function accessOf(caller: Caller): ImportAccess {
  return caller.kind === "holder" ? { accountId: caller.accountId } : { accountId: caller.accountId, sourceId: caller.sourceId };
}

export type TargetCheck = { status: "ok"; target: ImportTarget } | { status: "not_found" } | { status: "forbidden"; message: string };

/** Whether this caller may import into this flow and source. Unknown and foreign ones look the same. */
export async function targetFor(caller: Caller, flowId: string, sourceId: string): Promise<TargetCheck> {
  if (caller.kind === "source") {
    if (caller.flowId !== flowId || caller.sourceId !== sourceId) return { status: "not_found" };
    if (!caller.enabled) return { status: "forbidden", message: "This source is disabled; ask the buyer to enable it." };
    return { status: "ok", target: { accountId: caller.accountId, flowId, sourceId } };
  }
  const source = await getSourceById(sourceId);
  if (!source || source.accountId !== caller.accountId || source.flowId !== flowId) return { status: "not_found" };
  return { status: "ok", target: { accountId: caller.accountId, flowId, sourceId, startedBy: caller.holderId } };
}

async function sourceByApiKey(authorization: string): Promise<Caller | null> {
  const credentials = readBasicAuth(authorization);
  if (!credentials || credentials.user.toUpperCase() !== "API" || credentials.password === "") return null;
  const key = credentials.password;
  // Found by the key's SHA-256 (what is stored), then compared in constant time.
  const source = await getSourceByApiKeyHash(sha256(key));
  return source && apiKeyMatches(key, source.apiKeyHash) ? { kind: "source", accountId: source.accountId, flowId: source.flowId, sourceId: source.id, sourceName: source.name, enabled: source.enabled } : null;
}

// The same check as the docs page itself: constant-time compare with the re-derived token, and only
// while the source and its flow are enabled.
async function sourceByDocsToken(token: string): Promise<Caller | null> {
  const access = await resolveDocsToken(token);
  return access ? { kind: "source", accountId: access.accountId, flowId: access.flowId, sourceId: access.sourceId, sourceName: access.sourceName, enabled: true } : null;
}
