import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Native, WASM or stream-heavy server packages are loaded from node_modules, not bundled.
  serverExternalPackages: ["@electric-sql/pglite", "pg", "pg-copy-streams", "pg-boss", "pino", "csv-parse", "iconv-lite"],
  poweredByHeader: false,
  // Separate build folders let several test runs build side by side (NEXT_DIST_DIR=.next-e2e-...).
  distDir: process.env.NEXT_DIST_DIR || ".next",
  typedRoutes: false,
};

export default nextConfig;
