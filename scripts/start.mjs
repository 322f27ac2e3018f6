#!/usr/bin/env node
// `npm start`: the production server. One Node HTTP server; Next serves every page and route, except
// the URLs lib/http-server/direct-routes.ts lists (the real-time submit API), which are answered by
// the same lib code before Next's request pipeline: Next spends about 0.8 ms of CPU on any request,
// more than the whole lead costs us (docs/benchmarks.md). `next dev` serves those URLs through their
// App Router routes instead, with the same functions.
//
// Options as `next start` takes them: -p/--port (or PORT, default 3000), -H/--hostname (or HOSTNAME,
// default every interface), --keepAliveTimeout ms. Build first with `npm run build`. `npm start` runs
// it with --max-semi-space-size=4 --max-old-space-size=768: without a ceiling V8 sizes the heap for
// this machine's 24 GB and lets an importing process's garbage pile up past 400 MB of RSS; with it the
// peak stays near 225 MB (docs/benchmarks.md). 768 MB is far above what the app keeps alive.
// `npm start` also sets MALLOC_MMAP_THRESHOLD_=131072 (glibc reads it at process start, so it cannot
// be set from here): without it, memory freed after a large upload's staging stays in the process
// (60 MB after a million rows; see START_ENV in scripts/bench-server.mjs). Run the server with both
// when not using npm start.
import { existsSync } from "node:fs";
import { createServer } from "node:http";
import { Server } from "node:net";
import { createRequire } from "node:module";
import { join } from "node:path";
import { parseArgs } from "node:util";

const { values: args } = parseArgs({
  options: {
    port: { type: "string", short: "p" },
    hostname: { type: "string", short: "H" },
    keepAliveTimeout: { type: "string" },
  },
});
const port = Number(args.port ?? process.env.PORT ?? 3000);
const hostname = args.hostname ?? process.env.HOSTNAME;
process.env.NODE_ENV ??= "production";
const { default: next } = await import("next"); // after NODE_ENV is set, as `next start` does

const bundleDir = join(process.cwd(), process.env.NEXT_DIST_DIR || ".next", "leadport");
const directRoutesFile = join(bundleDir, "direct-routes.cjs");
const frontDoorFile = join(bundleDir, "front-door.cjs");
// Started per upload by lib/imports/stage/parse-in-worker.ts; checked here so a missing one fails at start.
const parseWorkerFile = join(bundleDir, "parse-worker.cjs");
for (const file of [directRoutesFile, frontDoorFile, parseWorkerFile]) {
  if (!existsSync(file)) {
    console.error(`${file} is missing: run \`npm run build\` first.`);
    process.exit(1);
  }
}

const app = next({ dev: false, dir: process.cwd(), hostname, port });
const handleWithNext = app.getRequestHandler();
// Next loads .env files and runs instrumentation.ts (migrations, seed, the in-process worker) here.
await app.prepare();
// Loaded after prepare so that lib/env.ts sees the variables Next read from .env files.
const { directRouteFor } = createRequire(import.meta.url)(directRoutesFile);
// Every request passes it first: the client address from the socket and TRUST_PROXY (a client's own
// x-leadport-client-address is replaced), the security headers, and 403 for a cross-origin Server
// Action (lib/http/front-door.ts).
const { frontDoorFromEnv, requestTimeoutMsFromEnv } = createRequire(import.meta.url)(frontDoorFile);
const frontDoor = frontDoorFromEnv();

let stopping = false;
const server = createServer((req, res) => {
  if (stopping) res.setHeader("connection", "close"); // answered, then this connection ends
  if (frontDoor(req, res)) return;
  const direct = directRouteFor(req);
  void (direct ? direct(req, res) : handleWithNext(req, res));
});
if (args.keepAliveTimeout) server.keepAliveTimeout = Number(args.keepAliveTimeout);
// REQUEST_TIMEOUT_SECONDS (default an hour) instead of Node's 300 s: an upload is answered once staged.
server.requestTimeout = requestTimeoutMsFromEnv();

// As `next start` does: stop accepting connections, let requests in flight finish, then exit with
// 128 + the signal's number. lib/startup.ts holds that exit until the in-process worker has handed
// back its import (its own SIGTERM handler, registered during prepare, runs first).
// Unlike `next start`, idle keep-alive connections are not cut at once: a client (a load balancer)
// may be sending a request on one at that very instant, and would get a reset instead of an answer.
// They stay open for one keep-alive timeout; any request on them is answered with Connection: close.
for (const [signal, code] of [["SIGTERM", 143], ["SIGINT", 130]]) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    Server.prototype.close.call(server, () => {
      void app.close().finally(() => process.exit(code));
    });
    setTimeout(() => server.closeIdleConnections(), server.keepAliveTimeout).unref();
  });
}

server.listen(port, hostname, () => {
  const address = server.address();
  const shown = typeof address === "object" && address ? `${hostname ?? "localhost"}:${address.port}` : String(address);
  console.log(`Leadport ready on http://${shown}`);
});
