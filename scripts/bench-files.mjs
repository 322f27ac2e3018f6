// The benchmark's input files, generated once and cached in .data/bench-import: gen-leads' CSV and
// the same rows as an .xlsx workbook. A file is written under a temporary name and renamed only when
// it is complete, with a note beside it (`<file>.json`: rows and bytes); a cached file is reused only
// when its note matches, so a run that was stopped, or a gen-leads that could not run, never leaves
// an empty or cut-short file to be timed (issue #12).
import { spawn } from "node:child_process";
import { createReadStream, createWriteStream, existsSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { pipeline } from "node:stream/promises";
import { parse } from "csv-parse";
import ExcelJS from "exceljs";

export const GEN_LEADS = "../shared/tools/gen-leads.mjs";

/** Why a cached file cannot be reused (a sentence), or null when it can. */
export function cachedFileProblem(file, expectedRows) {
  if (!existsSync(file)) return "not generated yet";
  const notePath = `${file}.json`;
  if (!existsSync(notePath)) return "no note of a complete write beside it";
  let note;
  try {
    note = JSON.parse(readFileSync(notePath, "utf8"));
  } catch {
    return "its note is unreadable";
  }
  const bytes = statSync(file).size;
  if (bytes === 0) return "it is empty";
  if (note.bytes !== bytes) return `it has ${bytes} bytes, ${note.bytes} were written`;
  if (note.rows !== expectedRows) return `it holds ${note.rows} rows, ${expectedRows} are wanted`;
  return null;
}

function markComplete(temp, file, rows) {
  renameSync(temp, file);
  writeFileSync(`${file}.json`, JSON.stringify({ rows, bytes: statSync(file).size }));
}

/** Data rows of a CSV file with a header row, as csv-parse reads them. */
export async function countCsvRows(file) {
  let records = 0;
  for await (const record of createReadStream(file).pipe(parse({ relax_column_count: true }))) if (record) records += 1;
  return Math.max(0, records - 1);
}

/** Runs gen-leads into `file` (via a temporary name); stops with a message if it cannot run or stops short. */
export async function generateCsv(file, { rows, seed, script = GEN_LEADS }) {
  if (!existsSync(script)) throw new Error(`Cannot generate the benchmark file: ${script} not found (it lives in /work/shared/tools).`);
  const temp = `${file}.${process.pid}.partial`;
  rmSync(`${file}.json`, { force: true });
  const gen = spawn(process.execPath, [script, String(rows), "--seed", String(seed)], { stdio: ["ignore", "pipe", "pipe"] });
  let stderr = "";
  gen.stderr.on("data", (d) => (stderr = (stderr + d).slice(-2000)));
  const exited = new Promise((resolve, reject) => {
    gen.on("error", reject);
    gen.on("close", (code, signal) => resolve({ code, signal }));
  });
  await pipeline(gen.stdout, createWriteStream(temp));
  const { code, signal } = await exited;
  if (code !== 0) throw new Error(`${script} failed (${signal ?? `exit code ${code}`}); the benchmark stops.\n${stderr}`);
  const written = await countCsvRows(temp);
  if (written !== rows) throw new Error(`${script} wrote ${written} rows, ${rows} were asked for; the benchmark stops.`);
  markComplete(temp, file, rows);
}

/** The CSV's rows written into a one-sheet workbook with exceljs' streaming writer (memory stays flat). */
export async function generateXlsx(csvFile, file, rows) {
  const temp = `${file}.${process.pid}.partial`;
  rmSync(`${file}.json`, { force: true });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: temp, useSharedStrings: false, useStyles: false });
  const sheet = workbook.addWorksheet("Leads");
  let records = 0;
  for await (const record of createReadStream(csvFile).pipe(parse({ relax_column_count: true }))) {
    sheet.addRow(record).commit();
    records += 1;
  }
  sheet.commit();
  await workbook.commit();
  if (records - 1 !== rows) throw new Error(`The workbook got ${records - 1} rows, ${rows} were wanted; the benchmark stops.`);
  markComplete(temp, file, rows);
}
