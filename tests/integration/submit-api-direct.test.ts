// Every case of submit-api.test.ts again, over HTTP through the direct route that `npm start`
// answers the submit URL with (lib/http-server), instead of through the App Router route: the two
// must answer alike, statuses, headers and bodies. (One file per imported suite: each test file gets
// a database of its own, and the suites seed theirs.)
import { afterAll } from "vitest";
import { startDirectServer } from "../helpers/lead-api";

const stopDirectServer = await startDirectServer();
afterAll(stopDirectServer);

await import("./submit-api.test");
