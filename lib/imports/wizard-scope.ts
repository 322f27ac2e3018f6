// Who is using the import wizard, as the browser knows it: an account holder (session cookie) or a
// source on its Submission Docs link (the token, sent as a Bearer header or ?docs_token=, since
// EventSource cannot send headers). Pure: client components build their URLs with it.

export type WizardScope = { kind: "holder" } | { kind: "docs"; token: string };

export type UploadTarget = { flowId: string; sourceId: string } | null;

/** The import's page: the wizard step it is at, its live progress or its summary. */
export function importPagePath(scope: WizardScope, id: string, query: Record<string, string | number | undefined> = {}): string {
  const base = scope.kind === "holder" ? `/imports/${id}` : `/docs/${scope.token}/imports/${id}`;
  const params = new URLSearchParams(Object.entries(query).flatMap(([key, value]) => (value === undefined ? [] : [[key, String(value)]])));
  const search = params.toString();
  return search ? `${base}?${search}` : base;
}

/** Where a new import starts: the holder's target picker, or the source's upload page. */
export function newImportPath(scope: WizardScope, target: UploadTarget = null): string {
  if (scope.kind === "docs") return `/docs/${scope.token}/import`;
  return target ? `/imports/new?flow=${target.flowId}&source=${target.sourceId}` : "/imports/new";
}

/** An import API URL this caller may open in a link or EventSource (the docs token as a query parameter). */
export function importApiUrl(scope: WizardScope, id: string, path: "events" | "problems.csv" | "results.csv"): string {
  const url = `/api/imports/${id}/${path}`;
  return scope.kind === "docs" ? `${url}?docs_token=${encodeURIComponent(scope.token)}` : url;
}

/** Headers for requests the browser makes itself; holders send their session cookie instead. */
export function authHeaders(scope: WizardScope): Record<string, string> {
  return scope.kind === "docs" ? { Authorization: `Bearer ${scope.token}` } : {};
}
