// A PATCH whose connection is cut must keep what arrived: that is what the client resumes from.
// @tus/server pipes the body into the store and treats its end as the chunk's end, but a body that
// fails (a dropped socket) or a request that is aborted leaves that pipe waiting. This turns both
// into a clean end, so the store commits the bytes it has and the offset moves to match.
export function endAtCut(body: ReadableStream<Uint8Array>, signal: AbortSignal): ReadableStream<Uint8Array> {
  const reader = body.getReader();
  let ended = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (ended) return;
      const stop = () => {
        if (ended) return;
        ended = true;
        controller.close();
        reader.cancel().catch(() => {});
      };
      if (signal.aborted) return stop();
      signal.addEventListener("abort", stop, { once: true });
      try {
        const next = await reader.read();
        if (ended) return;
        if (next.done) stop();
        else controller.enqueue(next.value);
      } catch {
        stop();
      } finally {
        signal.removeEventListener("abort", stop);
      }
    },
    cancel(reason) {
      ended = true;
      return reader.cancel(reason).catch(() => {});
    },
  });
}
