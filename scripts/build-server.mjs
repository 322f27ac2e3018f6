#!/usr/bin/env node
// Second half of `npm run build`: bundles the URLs scripts/start.mjs answers before Next
// (lib/http-server/direct-routes.ts) into <dist>/leadport/direct-routes.cjs. Next bundles the same
// lib code for its routes; this copy runs in plain Node, so packages stay in node_modules and the
// `server-only` marker resolves to its server build (an empty module), as it does inside Next.
import { build } from "esbuild";

const distDir = process.env.NEXT_DIST_DIR || ".next";

const serverOnly = {
  name: "server-only",
  setup(b) {
    b.onResolve({ filter: /^server-only$/ }, () => ({ path: "server-only", namespace: "server-only" }));
    b.onLoad({ filter: /.*/, namespace: "server-only" }, () => ({ contents: "", loader: "js" }));
  },
};

// front-door.cjs: what start.mjs does to every request first (lib/http/front-door.ts).
// parse-worker.cjs: the staging worker thread's code, which lib/imports/stage/parse-in-worker.ts
// starts from this folder in production (a worker needs a file of its own, outside Next's bundles).
await build({
  entryPoints: {
    "direct-routes": "lib/http-server/direct-routes.ts",
    "front-door": "lib/http/front-door.ts",
    "parse-worker": "lib/imports/stage/parse-worker.ts",
  },
  outdir: `${distDir}/leadport`,
  outExtension: { ".js": ".cjs" },
  bundle: true,
  platform: "node",
  format: "cjs",
  target: "node20",
  packages: "external",
  plugins: [serverOnly],
  sourcemap: true,
  logLevel: "warning",
});
console.log(`Bundled the direct routes, the front door and the staging worker into ${distDir}/leadport/`);
