import { describe, expect, it } from "vitest";
import { createHostGate } from "./host-gate";

const deferred = () => {
  let release!: () => void;
  const done = new Promise<void>((resolve) => (release = resolve));
  return { done, release };
};

describe("host gate", () => {
  it("holds a host's deliveries to the limit while another host's all run", async () => {
    const gate = createHostGate(2);
    const slow = deferred();
    let slowStarted = 0;
    const slowTasks = Array.from({ length: 5 }, () => gate.run("slow.example", async () => { slowStarted += 1; await slow.done; }));
    const fast = await Promise.all(Array.from({ length: 5 }, (_, i) => gate.run("fast.example", async () => i)));
    expect(fast).toEqual([0, 1, 2, 3, 4]);
    expect(slowStarted).toBe(2);
    expect(gate.active("slow.example")).toBe(2);
    slow.release();
    await Promise.all(slowTasks);
    expect(slowStarted).toBe(5);
    expect(gate.active("slow.example")).toBe(0);
  });

  it("frees its place when a delivery throws", async () => {
    const gate = createHostGate(1);
    await expect(gate.run("h", () => Promise.reject(new Error("down")))).rejects.toThrow("down");
    expect(await gate.run("h", async () => "next")).toBe("next");
  });
});
