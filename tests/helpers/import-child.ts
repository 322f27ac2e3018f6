// A worker process for the crash test: runs one import's job in small batches and prints each
// batch's last line just before its transaction commits, so the test can SIGKILL it mid-import.
import { openScriptDatabase } from "@/db/script-env";
import { runImportJob } from "@/lib/imports/jobs/job";

const importId = process.argv[2]!;
const { database } = openScriptDatabase();
await runImportJob(database, importId, {
  batchSize: 10,
  sliceMs: 10 * 60_000,
  beforeCommit: async ({ lastLine }) => {
    process.stdout.write(`batch ${lastLine}\n`);
    await new Promise((resolve) => setTimeout(resolve, 40));
  },
});
process.stdout.write("finished\n");
await database.close();
