import { describe, expect, it } from "vitest";
import { createReadAhead } from "./read-ahead";

describe("createReadAhead", () => {
  it("gives the batch read for the key asked for, once", async () => {
    const ahead = createReadAhead(async (key) => `rows after ${key}`);
    ahead.start("10");
    expect(await ahead.take("10")).toBe("rows after 10");
    expect(await ahead.take("10")).toBeNull();
  });

  it("gives nothing for another key, so the caller reads it again", async () => {
    const ahead = createReadAhead(async (key) => `rows after ${key}`);
    ahead.start("10");
    expect(await ahead.take("20")).toBeNull();
  });

  it("gives nothing when the read failed", async () => {
    const ahead = createReadAhead(async () => {
      throw new Error("connection lost");
    });
    ahead.start("10");
    expect(await ahead.take("10")).toBeNull();
  });

  it("waits on settle for reads nobody took", async () => {
    let finished = 0;
    const ahead = createReadAhead(async () => {
      await new Promise((resolve) => setTimeout(resolve, 20));
      finished += 1;
    });
    ahead.start("1");
    ahead.start("2");
    await ahead.settle();
    expect(finished).toBe(2);
  });
});
