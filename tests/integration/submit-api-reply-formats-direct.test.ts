// Every case of submit-api-reply-formats.test.ts again, over HTTP through the production server's direct route.
import { afterAll } from "vitest";
import { startDirectServer } from "../helpers/lead-api";

const stopDirectServer = await startDirectServer();
afterAll(stopDirectServer);

await import("./submit-api-reply-formats.test");
