// A request's path as it may be logged: no query string (it can carry `docs_token`), and the secret
// segment of Submission Docs (/docs/{token}) and shared report (/r/{token}) links replaced.
export function loggablePath(path: string): string {
  return path.split("?")[0]!.replace(/^\/(docs|r)\/[^/]+/, "/$1/:token");
}
