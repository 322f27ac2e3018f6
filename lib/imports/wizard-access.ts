import "server-only";
import { can } from "@/lib/auth/roles";
import { getCurrentHolder } from "@/lib/auth/session";
import { resolveDocsToken, type DocsAccess } from "@/lib/sources/docs-access";
import { listSourcesByAccount } from "@/lib/sources/queries";
import type { ImportAccess } from "./store";
import type { WizardScope } from "./wizard-scope";

// Who is using the wizard's pages and actions, from the server's side: the signed-in account holder
// (every import of the account), or a Submission Docs token (that source's imports only, as the
// import API treats it). A bad, rotated or disabled link is null, like a missing import.

/** Flow and source names by id, to label imports. */
export type ImportNames = { flows: ReadonlyMap<string, string>; sources: ReadonlyMap<string, string> };

export type WizardCaller = {
  scope: WizardScope;
  access: ImportAccess;
  /** Times are shown on the account's clock to holders; a source sees UTC. */
  timeZone: string;
  names: ImportNames;
  /** The docs link's flow, source and account, for a source's pages. */
  docs: DocsAccess | null;
  /**
   * Whether the pages offer the wizard's controls: a docs link always, a person with imports:write.
   * Only a courtesy: the actions and the import API check the role again.
   */
  mayChange: boolean;
};

export async function wizardCaller(scope: WizardScope): Promise<WizardCaller | null> {
  if (scope.kind === "docs") {
    const docs = await resolveDocsToken(scope.token);
    if (!docs) return null;
    return {
      scope,
      access: { accountId: docs.accountId, sourceId: docs.sourceId },
      timeZone: "UTC",
      names: { flows: new Map([[docs.flowId, docs.flowName]]), sources: new Map([[docs.sourceId, docs.sourceName]]) },
      docs,
      mayChange: true,
    };
  }
  const holder = await getCurrentHolder();
  if (!holder) return null;
  const sources = await listSourcesByAccount(holder.accountId);
  return {
    scope,
    access: { accountId: holder.accountId },
    timeZone: holder.timeZone,
    names: { flows: new Map(sources.map((s) => [s.flowId, s.flowName])), sources: new Map(sources.map((s) => [s.id, s.name])) },
    docs: null,
    mayChange: can(holder.role, "imports:write"),
  };
}
