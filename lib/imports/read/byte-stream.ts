// Small async-iterable helpers over the bytes of an upload: a size guard, reading the head, and a
// tap that copies the bytes to a second consumer with backpressure. None holds more than a chunk.
import { ImportRefused, tooLargeMessage } from "./refusal";

/** Passes chunks through and stops with 413 (and `message`) as soon as the total exceeds maxBytes. */
export async function* limitBytes(source: AsyncIterable<Uint8Array>, maxBytes: number, message = tooLargeMessage(maxBytes)): AsyncGenerator<Uint8Array> {
  let total = 0;
  for await (const chunk of source) {
    total += chunk.byteLength;
    if (total > maxBytes) throw new ImportRefused(message, 413);
    yield chunk;
  }
}

/**
 * Reads chunks until at least `size` bytes (or the end), and returns them with an iterable of the
 * whole stream, head included, so nothing read for detection is lost. `whole`: the head is the whole stream.
 */
export async function readHead(source: AsyncIterable<Uint8Array>, size: number) {
  const iterator = source[Symbol.asyncIterator]();
  const chunks: Uint8Array[] = [];
  let length = 0;
  let done = false;
  while (length < size) {
    const next = await iterator.next();
    if (next.done) {
      done = true;
      break;
    }
    chunks.push(next.value);
    length += next.value.byteLength;
  }
  const head = Buffer.concat(chunks);
  async function* all(): AsyncGenerator<Uint8Array> {
    if (head.byteLength > 0) yield head;
    if (done) return;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
  }
  return { head: new Uint8Array(head.buffer, head.byteOffset, head.byteLength), stream: all(), whole: done };
}

/**
 * A single-producer, single-consumer queue of byte chunks holding at most `capacity` bytes:
 * push() waits while it is full, so the slower consumer slows the producer instead of piling up.
 */
export function createByteChannel(capacity: number) {
  const queue: Uint8Array[] = [];
  let queued = 0;
  let closed = false;
  let failure: unknown = null;
  let wakeConsumer: (() => void) | null = null;
  let wakeProducer: (() => void) | null = null;
  const wake = (which: "consumer" | "producer") => {
    const fn = which === "consumer" ? wakeConsumer : wakeProducer;
    if (which === "consumer") wakeConsumer = null;
    else wakeProducer = null;
    fn?.();
  };
  return {
    async push(chunk: Uint8Array) {
      while (queued >= capacity && failure === null) await new Promise<void>((resolve) => (wakeProducer = resolve));
      if (failure !== null) throw failure;
      queue.push(chunk);
      queued += chunk.byteLength;
      wake("consumer");
    },
    close() {
      closed = true;
      wake("consumer");
    },
    /** Stops both sides: the consumer's loop throws, and so does the next push. */
    fail(error: unknown) {
      failure = error;
      wake("consumer");
      wake("producer");
    },
    async *[Symbol.asyncIterator](): AsyncGenerator<Uint8Array> {
      for (;;) {
        if (failure !== null) throw failure;
        const chunk = queue.shift();
        if (chunk) {
          queued -= chunk.byteLength;
          wake("producer");
          yield chunk;
        } else if (closed) return;
        else await new Promise<void>((resolve) => (wakeConsumer = resolve));
      }
    },
  };
}

/**
 * Yields the source's chunks and pushes each one into the channel too; closes it at the end. If the
 * reader stops early or the source fails, the channel fails too, so its consumer never waits forever.
 */
export async function* tapInto(source: AsyncIterable<Uint8Array>, channel: ReturnType<typeof createByteChannel>) {
  let finished = false;
  try {
    for await (const chunk of source) {
      await channel.push(chunk);
      yield chunk;
    }
    finished = true;
    channel.close();
  } catch (error) {
    channel.fail(error);
    throw error;
  } finally {
    if (!finished) channel.fail(new Error("The upload stopped before the end of the file"));
  }
}

/** Groups chunks into pieces of about `size` bytes (the last one smaller). */
export async function* rechunk(source: AsyncIterable<Uint8Array>, size: number): AsyncGenerator<Buffer> {
  let parts: Uint8Array[] = [];
  let length = 0;
  for await (const chunk of source) {
    parts.push(chunk);
    length += chunk.byteLength;
    if (length >= size) {
      yield Buffer.concat(parts);
      parts = [];
      length = 0;
    }
  }
  if (length > 0) yield Buffer.concat(parts);
}
