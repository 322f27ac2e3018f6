// Child processes of the cluster test: app processes (`scripts/start.mjs`, as `npm start`) and
// `scripts/worker.ts` workers, each with its output in a log file and its JSON log lines (pino) kept
// for the test to read.
import { type ChildProcess, spawn } from "node:child_process";
import { createWriteStream } from "node:fs";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { freePort, waitForHttp } from "../helpers/server";

export type LogLine = { level: number; msg: string; pid: number; [key: string]: unknown };

export type Proc = {
  name: string;
  child: ChildProcess;
  /** stdout lines that parsed as JSON log lines, in order. */
  logs: LogLine[];
  /** stdout lines that were not JSON (Next's banner, for one). */
  otherLines: string[];
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
};

export type App = Proc & { baseUrl: string };

function startProcess(name: string, args: string[], env: NodeJS.ProcessEnv, logDir: string): Proc {
  const child = spawn(process.execPath, args, { env, stdio: ["ignore", "pipe", "pipe"] });
  const file = createWriteStream(join(logDir, `${name}.log`));
  const logs: LogLine[] = [];
  const otherLines: string[] = [];
  createInterface({ input: child.stdout! }).on("line", (line) => {
    file.write(line + "\n");
    try {
      const parsed = JSON.parse(line) as LogLine;
      if (typeof parsed === "object" && parsed !== null && "msg" in parsed) return void logs.push(parsed);
    } catch {
      // not a JSON line
    }
    otherLines.push(line);
  });
  child.stderr!.on("data", (chunk: Buffer) => file.write(chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once("exit", (code, signal) => {
      file.end();
      resolve({ code, signal });
    }),
  );
  return { name, child, logs, otherLines, exited };
}

export async function startApp(name: string, env: NodeJS.ProcessEnv, logDir: string): Promise<App> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const proc = startProcess(name, ["scripts/start.mjs", "-p", String(port), "-H", "127.0.0.1"], env, logDir);
  await Promise.race([
    waitForHttp(`${baseUrl}/healthz`, 90_000),
    proc.exited.then(({ code }) => Promise.reject(new Error(`${name} exited with ${code} before serving; see ${logDir}/${name}.log`))),
  ]).catch((error: unknown) => {
    proc.child.kill("SIGKILL");
    throw error;
  });
  return { ...proc, baseUrl };
}

// `node --import tsx`, not `tsx` or `npm run worker`: those run the worker in a child process, and
// the test must signal the worker itself.
export async function startWorker(name: string, env: NodeJS.ProcessEnv, logDir: string): Promise<Proc> {
  const proc = startProcess(name, ["--import", "tsx", "scripts/worker.ts"], env, logDir);
  await waitFor(() => proc.logs.some((l) => l.msg === "import worker started"), 60_000, `${name} to start`, proc).catch((error: unknown) => {
    proc.child.kill("SIGKILL");
    throw error;
  });
  return proc;
}

export async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs: number, what: string, proc?: Proc): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (proc && proc.child.exitCode !== null) throw new Error(`${proc.name} exited (${proc.child.exitCode}) while waiting for ${what}`);
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

export async function stopProcess(proc: Proc, signal: NodeJS.Signals = "SIGTERM"): Promise<void> {
  if (proc.child.exitCode !== null || proc.child.signalCode !== null) return;
  proc.child.kill(signal);
  const killed = setTimeout(() => proc.child.kill("SIGKILL"), 30_000);
  await proc.exited;
  clearTimeout(killed);
}

/** Import ids whose job slice this worker has started and not finished, read from its log. */
export function activeImports(proc: Proc): Set<string> {
  const active = new Set<string>();
  for (const line of proc.logs) {
    if (typeof line.importId !== "string") continue;
    if (line.msg === "import job slice started") active.add(line.importId);
    else if (line.msg === "import job slice ended" || line.msg === "import job failed") active.delete(line.importId);
  }
  return active;
}
