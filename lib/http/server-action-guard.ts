// A Server Action called from another site. Next refuses it itself (action-handler.js, "Invalid
// Server Actions request"), but answers 500, and a no-JavaScript form post throws an error page. We
// answer 403 before Next sees it, by Next's own rule: the Origin's host must equal X-Forwarded-Host
// (its first value) or, without one, Host. A request without Origin passes, as in Next: browsers send
// Origin with every cross-origin POST, so only a hand-made request lacks it, and that carries no
// victim's cookies.

type HeaderGetter = (name: string) => string | string[] | null | undefined;

// Route handlers take POSTs from other sites on purpose (a seller's web form posting leads), and are
// not Server Actions: only the real-time submit URL and /api/ are route handlers that take POST.
const ROUTE_HANDLER_PATH = /^\/(?:api\/|flows\/[^/?#]+\/sources\/[^/?#]+\/submit(?:[/?#]|$))/;

export function isServerActionRequest(method: string | undefined, path: string, header: HeaderGetter): boolean {
  if (method?.toUpperCase() !== "POST") return false;
  if (first(header("next-action"))) return true;
  // A Server Action posted by a form before JavaScript loaded: multipart, to a page.
  return /^multipart\/form-data/i.test(first(header("content-type")) ?? "") && !ROUTE_HANDLER_PATH.test(path);
}

export function isCrossOriginServerAction(method: string | undefined, path: string, header: HeaderGetter): boolean {
  if (!isServerActionRequest(method, path, header)) return false;
  const origin = first(header("origin"));
  if (origin === undefined) return false;
  const host = first(header("x-forwarded-host"))?.split(",")[0]?.trim() || first(header("host"));
  return !host || originHost(origin) !== host;
}

export const CROSS_ORIGIN_ACTION_MESSAGE = "This form was sent from another site, so it was refused.";

function originHost(origin: string): string | null {
  if (origin === "null") return null; // sandboxed frames, data: URLs
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}

function first(value: string | string[] | null | undefined): string | undefined {
  return (Array.isArray(value) ? value[0] : value) ?? undefined;
}
