// Every case of submit-api-sources.test.ts (API keys, disabled sources and flows, Idempotency-Key,
// 50 identical leads at once) again, over HTTP through the direct route `npm start` uses.
import { afterAll } from "vitest";
import { startDirectServer } from "../helpers/lead-api";

const stopDirectServer = await startDirectServer();
afterAll(stopDirectServer);

await import("./submit-api-sources.test");
