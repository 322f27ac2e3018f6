import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Native, WASM or stream-heavy server packages are loaded from node_modules, not bundled.
  serverExternalPackages: ["@electric-sql/pglite", "pg", "pg-copy-streams", "pg-boss", "pino", "csv-parse", "iconv-lite"],
  poweredByHeader: false,
  typedRoutes: false,
};

export default nextConfig;
