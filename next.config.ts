import type { NextConfig } from "next";
import { BASE_SECURITY_HEADERS, STRICT_TRANSPORT_SECURITY } from "./lib/http/security-headers";

const asList = (headers: Record<string, string>) => Object.entries(headers).map(([key, value]) => ({ key, value }));

// The security headers on every page and route. scripts/start.mjs (npm start) sets them too, per
// request, with HSTS decided from APP_URL and a trusted X-Forwarded-Proto (lib/http/front-door.ts);
// these rules are what `next dev` and `next start` send. They are read when the config is loaded, so
// HSTS here follows APP_URL and TRUST_PROXY as they were at build time.
function securityHeaderRules() {
  const hsts = [{ key: "Strict-Transport-Security", value: STRICT_TRANSPORT_SECURITY }];
  const rules: Awaited<ReturnType<NonNullable<NextConfig["headers"]>>> = [{ source: "/:path*", headers: asList(BASE_SECURITY_HEADERS) }];
  if (process.env.APP_URL?.startsWith("https://")) rules.push({ source: "/:path*", headers: hsts });
  else if (Number(process.env.TRUST_PROXY ?? 0) > 0) {
    rules.push({ source: "/:path*", has: [{ type: "header", key: "x-forwarded-proto", value: "https" }], headers: hsts });
  }
  return rules;
}

const nextConfig: NextConfig = {
  // Native, WASM or stream-heavy server packages are loaded from node_modules, not bundled;
  // @activeprospect/freemail reads its domain lists from disk beside itself (fs + __dirname).
  serverExternalPackages: ["@electric-sql/pglite", "pg", "pg-copy-streams", "pg-boss", "pino", "csv-parse", "iconv-lite", "@activeprospect/freemail"],
  poweredByHeader: false,
  // Separate build folders let several test runs build side by side (NEXT_DIST_DIR=.next-e2e-...).
  distDir: process.env.NEXT_DIST_DIR || ".next",
  typedRoutes: false,
  // LEADPORT_PROFILE_BUILD=1 keeps the server bundle's function names, so a CPU profile of the
  // production server (bench:import with BENCH_NODE_FLAGS="--cpu-prof") names the code it measures.
  experimental: { serverMinification: process.env.LEADPORT_PROFILE_BUILD !== "1" },
  headers: async () => securityHeaderRules(),
};

export default nextConfig;
