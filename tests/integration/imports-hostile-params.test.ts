// No query parameter of the import API or the import page may cause a 500 (issue #13): a NUL in
// ?before= (PostgreSQL text cannot hold one) and an ?after= past the largest line number (lines are
// int4) both broke the query. The first is ignored, as the Leads view ignores what it cannot use;
// the second finds no rows after it.
import { describe, expect, it } from "vitest";
import * as accountImports from "@/app/api/imports/route";
import * as sourceImports from "@/app/api/flows/[flowId]/sources/[sourceId]/imports/route";
import { getImportProblems, getImportResults } from "@/lib/imports/service";
import { createAccount } from "../helpers/accounts";
import { basic, callImport, json, uploadFile } from "../helpers/imports";

const FILE = "Email,State\na@b.co,TX\nnot-an-email,ZZ\n";

describe("import API and page parameters", () => {
  it("lists imports for any ?before=, a NUL or a word included", async () => {
    const account = await createAccount({ email: "hostile-imports@example.com", password: "hostile-password" });
    const { id } = await json<{ id: string }>(uploadFile(account, FILE), 201);
    const auth = { authorization: basic(account.apiKey) };
    const params = { params: Promise.resolve({ flowId: account.flowId, sourceId: account.sourceId }) };
    for (const before of ["%00", "a%00b", "x", "z".repeat(10_000)]) {
      const all = await json<{ imports: Array<{ id: string }> }>(accountImports.GET(new Request(`http://localhost:3000/api/imports?before=${before}`, { headers: auth })));
      expect(all.imports.map((i) => i.id)).toEqual([id]);
      const url = `http://localhost:3000/api/flows/${account.flowId}/sources/${account.sourceId}/imports?before=${before}`;
      const mine = await json<{ imports: Array<{ id: string }> }>(sourceImports.GET(new Request(url, { headers: auth }), params));
      expect(mine.imports.map((i) => i.id)).toEqual([id]);
    }
  });

  it("answers results and problems after any line, the largest included, with no rows past the last", async () => {
    const account = await createAccount({ email: "hostile-lines@example.com", password: "hostile-password" });
    const { id } = await json<{ id: string }>(uploadFile(account, FILE), 201);
    for (const after of ["2147483647", "2147483648", "9007199254740991"]) {
      for (const route of ["results", "problems"] as const) {
        const res = await callImport(id, route, { auth: account.apiKey, query: `after=${after}` });
        expect({ route, after, status: res.status }).toEqual({ route, after, status: 200 });
      }
    }
    // What the import page reads for ?after= (its schema takes any whole number from 0).
    const access = { accountId: account.accountId, sourceId: account.sourceId };
    expect(await getImportProblems(access, id, { after: 2 ** 40 })).toEqual([]);
    expect(await getImportResults(access, id, { after: 2 ** 40 })).toEqual([]);
  });
});
