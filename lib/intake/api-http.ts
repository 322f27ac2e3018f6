// The lead API's view of HTTP, independent of the server carrying it: Next's route handlers hand it a
// fetch Request; the production server's direct route (lib/http-server) hands it Node's request
// without building a fetch Request, whose body streams cost more CPU than the lead itself.
export type ApiRequest = {
  method: string;
  /** Path and query string, as sent: `/flows/f/sources/s/submit?email=a@b.c` */
  path: string;
  header(name: string): string | null;
  /** The body as UTF-8 text (a BOM dropped), or null as soon as it passes `limit` bytes. */
  readText(limit: number): Promise<string | null>;
  /** Whether the client hung up before the request was read. */
  aborted(): boolean;
};

export type ApiReply = { status: number; headers: Record<string, string>; body: string };

export function apiRequestOf(request: Request): ApiRequest {
  const url = new URL(request.url);
  return {
    method: request.method,
    path: url.pathname + url.search,
    header: (name) => request.headers.get(name),
    readText: (limit) => readRequestText(request, limit),
    aborted: () => request.signal.aborted,
  };
}

export function responseOf(reply: ApiReply): Response {
  return new Response(reply.body, { status: reply.status, headers: reply.headers });
}

async function readRequestText(request: Request, limit: number): Promise<string | null> {
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return new TextDecoder().decode(Buffer.concat(chunks));
}
