import { describe, expect, it } from "vitest";
import { createByteChannel, limitBytes, readHead, rechunk, tapInto } from "./byte-stream";
import { ImportRefused } from "./refusal";

const bytes = (...values: number[]) => Uint8Array.from(values);

async function* source(...chunks: Uint8Array[]) {
  for (const chunk of chunks) yield chunk;
}

async function collect(iterable: AsyncIterable<Uint8Array>) {
  const chunks: number[][] = [];
  for await (const chunk of iterable) chunks.push([...chunk]);
  return chunks;
}

describe("limitBytes", () => {
  it("passes a stream at the limit through", async () => {
    expect(await collect(limitBytes(source(bytes(1, 2), bytes(3)), 3))).toEqual([[1, 2], [3]]);
  });

  it("stops with 413 at the first chunk past the limit, before reading more", async () => {
    let pulled = 0;
    async function* counting() {
      for (let i = 0; i < 10; i++) {
        pulled++;
        yield bytes(i, i);
      }
    }
    const error = await collect(limitBytes(counting(), 5)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportRefused);
    expect((error as ImportRefused).httpStatus).toBe(413);
    expect(pulled).toBe(3);
  });
});

describe("readHead", () => {
  it("reads at least the head size and then gives back the whole stream", async () => {
    const { head, stream } = await readHead(source(bytes(1), bytes(2, 3), bytes(4), bytes(5)), 2);
    expect([...head]).toEqual([1, 2, 3]);
    expect((await collect(stream)).flat()).toEqual([1, 2, 3, 4, 5]);
  });

  it("returns an empty head for an empty stream", async () => {
    const { head, stream } = await readHead(source(), 10);
    expect(head.byteLength).toBe(0);
    expect(await collect(stream)).toEqual([]);
  });
});

describe("tapInto a byte channel", () => {
  it("hands every chunk to both readers", async () => {
    const channel = createByteChannel(4);
    const [main, copy] = await Promise.all([collect(tapInto(source(bytes(1, 2), bytes(3, 4), bytes(5)), channel)), collect(channel)]);
    expect(main).toEqual([[1, 2], [3, 4], [5]]);
    expect(copy).toEqual(main);
  });

  it("makes the producer wait while the channel is full", async () => {
    const channel = createByteChannel(2);
    await channel.push(bytes(1, 2));
    let pushed = false;
    const waiting = channel.push(bytes(3)).then(() => (pushed = true));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(pushed).toBe(false);
    const reader = channel[Symbol.asyncIterator]();
    await reader.next();
    await waiting;
    expect(pushed).toBe(true);
  });

  it("fails the copy when the main reader stops early", async () => {
    const channel = createByteChannel(100);
    const copy = collect(channel);
    for await (const chunk of tapInto(source(bytes(1), bytes(2), bytes(3)), channel)) {
      if (chunk[0] === 2) break;
    }
    await expect(copy).rejects.toThrow("The upload stopped before the end of the file");
  });
});

describe("rechunk", () => {
  it("groups small chunks into pieces of at least the size, the last one smaller", async () => {
    const pieces = [];
    for await (const piece of rechunk(source(bytes(1), bytes(2), bytes(3), bytes(4), bytes(5)), 2)) pieces.push([...piece]);
    expect(pieces).toEqual([[1, 2], [3, 4], [5]]);
  });
});
