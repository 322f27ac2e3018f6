// No module of the app imports itself through others (issue #12: "no import cycles"). A cycle hides
// which side owns a type or a function; shared types go in a module both sides import. madge reads
// the TypeScript imports, type-only ones included, with the project's path aliases.
import madge from "madge";
import { expect, test } from "vitest";

test("lib, app and db have no import cycles", async () => {
  const graph = await madge(["lib", "app", "db"], {
    fileExtensions: ["ts", "tsx"],
    tsConfig: "tsconfig.json",
    detectiveOptions: { ts: { skipTypeImports: false }, tsx: { skipTypeImports: false } },
  });
  // The graph must have read the app, or an empty graph would pass.
  expect(Object.keys(graph.obj()).length).toBeGreaterThan(300);
  expect(graph.circular()).toEqual([]);
}, 60_000);
