import { describe, expect, it } from "vitest";
import { endAtCut } from "./cut-body";

async function collect(stream: ReadableStream<Uint8Array>): Promise<string> {
  let text = "";
  for await (const chunk of stream as unknown as AsyncIterable<Uint8Array>) text += Buffer.from(chunk).toString();
  return text;
}

function cutAfter(chunks: string[]): ReadableStream<Uint8Array> {
  let i = 0;
  return new ReadableStream({
    pull(controller) {
      if (i < chunks.length) controller.enqueue(new TextEncoder().encode(chunks[i++]));
      else controller.error(new Error("socket hang up"));
    },
  });
}

describe("endAtCut", () => {
  it("passes a whole body through", async () => {
    const whole = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode("ab"));
        controller.enqueue(new TextEncoder().encode("cd"));
        controller.close();
      },
    });
    expect(await collect(endAtCut(whole, new AbortController().signal))).toBe("abcd");
  });

  it("ends, instead of failing, where the connection was cut", async () => {
    expect(await collect(endAtCut(cutAfter(["ab", "cd"]), new AbortController().signal))).toBe("abcd");
  });

  it("ends when the request is aborted while a read waits", async () => {
    const aborted = new AbortController();
    const stalled = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode("ab"));
      },
    });
    const reading = collect(endAtCut(stalled, aborted.signal));
    setTimeout(() => aborted.abort(), 10);
    expect(await reading).toBe("ab");
  });
});
