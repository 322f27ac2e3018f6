// The bodies a submit or ping reply carries, before a reply format renders them; apart from
// render.ts so the format renderers (classic-reply.ts) can read them without importing render.ts.
import type { Outcome } from "@/lib/flow/model";

export type SubmitBody = { outcome: Outcome; reason?: string; lead: { id: string }; price: number };
export type PingBody = { outcome: Outcome; reason?: string; price: number };
export type MessageBody = { message: string };
