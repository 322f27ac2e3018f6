import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const alias = { "@": fileURLToPath(new URL("./", import.meta.url)) };
const setupFiles = ["./tests/setup.ts"];

// Four projects: pure unit tests next to the code, integration tests against a real database
// engine (PGlite, or PostgreSQL when DATABASE_URL is set), browser tests in Chromium, and the
// cluster test (several app and worker processes on one PostgreSQL, against a production build).
export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: { name: "unit", include: ["lib/**/*.test.ts", "db/**/*.test.ts", "scripts/**/*.test.mjs"], setupFiles },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          setupFiles: [...setupFiles, "./tests/integration/setup-database.ts"],
          globalSetup: ["./tests/integration/global-setup.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: "e2e",
          include: ["tests/e2e/**/*.test.ts"],
          setupFiles,
          globalSetup: ["./tests/e2e/global-setup.ts"],
          testTimeout: 120_000,
          hookTimeout: 300_000,
          fileParallelism: false,
        },
      },
      {
        resolve: { alias },
        test: {
          name: "cluster",
          include: ["tests/cluster/**/*.test.ts"],
          setupFiles,
          testTimeout: 60_000,
          hookTimeout: 300_000,
          fileParallelism: false, // each file runs several server processes; two files at once starve them
        },
      },
    ],
  },
});
