// Follows an import's progress stream as a browser's EventSource would: reads text/event-stream with
// fetch, and when the connection drops without `event: end`, reconnects with Last-Event-ID.
export type SseEvent = { id: string | null; event: string; data: string };
export type ImportProgress = { status: string; rows: number; processed: number; outcomes: { success: number; failure: number; error: number } };
export type FollowResult = { progress: ImportProgress[]; ids: number[]; end: { status: string } | null; connections: number };

export async function* readEvents(body: ReadableStream<Uint8Array>): AsyncGenerator<SseEvent> {
  const decoder = new TextDecoder();
  let buffer = "";
  for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) {
    buffer += decoder.decode(chunk, { stream: true });
    let end: number;
    while ((end = buffer.indexOf("\n\n")) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const event: SseEvent = { id: null, event: "message", data: "" };
      let hasData = false;
      for (const line of block.split("\n")) {
        if (line.startsWith(":")) continue;
        const colon = line.indexOf(":");
        const field = colon < 0 ? line : line.slice(0, colon);
        const value = colon < 0 ? "" : line.slice(colon + 1).replace(/^ /, "");
        if (field === "id") event.id = value;
        else if (field === "event") event.event = value;
        else if (field === "data") {
          event.data += (hasData ? "\n" : "") + value;
          hasData = true;
        }
      }
      if (hasData) yield event;
    }
  }
}

export type FollowOptions = {
  /** Streams to use in turn: each reconnection goes to the next one (Last-Event-ID carries over). */
  urls: string[];
  headers: Record<string, string>;
  deadline: number;
  /** Hang up after this many progress events on a connection and reconnect to the next URL. */
  switchEvery?: number;
};

export async function followImport(options: FollowOptions): Promise<FollowResult> {
  const result: FollowResult = { progress: [], ids: [], end: null, connections: 0 };
  let lastEventId: string | null = null;
  while (Date.now() < options.deadline) {
    const url = options.urls[result.connections % options.urls.length]!;
    result.connections += 1;
    const hangUp = new AbortController();
    try {
      const res: Response = await fetch(url, {
        headers: { ...options.headers, accept: "text/event-stream", ...(lastEventId ? { "last-event-id": lastEventId } : {}) },
        signal: AbortSignal.any([hangUp.signal, AbortSignal.timeout(Math.max(options.deadline - Date.now(), 1))]),
      });
      if (res.status !== 200 || !res.body) throw new Error(`events answered ${res.status}`);
      let seen = 0;
      const events: AsyncGenerator<SseEvent> = readEvents(res.body);
      for await (const event of events) {
        if (event.id !== null) {
          lastEventId = event.id;
          result.ids.push(Number(event.id));
        }
        if (event.event === "progress") result.progress.push(JSON.parse(event.data) as ImportProgress);
        if (event.event === "end") {
          result.end = JSON.parse(event.data) as { status: string };
          return result;
        }
        if (event.event === "progress" && ++seen === options.switchEvery) {
          hangUp.abort();
          break;
        }
      }
    } catch {
      // dropped or refused: reconnect, as EventSource does
    }
    if (!hangUp.signal.aborted) await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  return result;
}
