/**
 * Lints many files across cores. The main thread is one lane and worker threads are the others;
 * every lane takes the next file when it finishes one, so slow files do not hold up the rest, and
 * results are put back in input order, so output is stable.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { FatalError } from './errors.ts';
import type { FileTask } from './lint-file.ts';
import type { FileReport } from './report.ts';
import type { WorkerReply, WorkerSettings } from './worker.ts';

/**
 * A worker loads the bundle, indexes the claim base and warms its own JIT before it lints at
 * full speed: on the 2-core CI machines a second lane cost ~0.6 s of CPU on the benchmark's 100
 * posts (0.73 MB) and saved no wall time, so a lane needs about a megabyte of Markdown.
 */
export const BYTES_PER_LANE = 1024 * 1024;
const MAX_LANES = 8;
/** Files each worker holds, so it never waits for the main thread, busy linting, to reply. */
const IN_FLIGHT = 2;

/** Lanes for a run (the main thread counts as one): --jobs, or one per core while there is work. */
export function laneCount(files: number, bytes: number, jobs: number | undefined): number {
  if (jobs !== undefined) return Math.max(1, Math.min(jobs, files));
  const byWork = Math.floor(bytes / BYTES_PER_LANE);
  return Math.max(1, Math.min(availableParallelism(), MAX_LANES, files, byWork));
}

/**
 * Lints `tasks` on the main thread (`lintHere`) and in `lanes - 1` worker threads running
 * `script`. A fatal error in any lane stops them all.
 */
export async function lintInLanes(
  tasks: FileTask[],
  settings: Omit<WorkerSettings, 'overclaimWorker'>,
  lanes: number,
  script: URL,
  lintHere: (task: FileTask) => FileReport,
  onDone: () => void,
): Promise<FileReport[]> {
  const results = new Array<FileReport>(tasks.length);
  if (tasks.length === 0) return results;
  let next = 0;
  let finished = 0;
  let failure: Error | undefined;
  let allDone!: () => void;
  const done = new Promise<void>((resolve) => (allDone = resolve));
  const finish = (index: number, report: FileReport) => {
    results[index] = report;
    onDone();
    if (++finished === tasks.length) allDone();
  };
  const fail = (error: Error) => {
    failure ??= error;
    allDone();
  };
  const workers: Worker[] = [];
  const feed = (w: Worker) => {
    if (next < tasks.length && !failure) {
      const index = next++;
      w.postMessage({ index, task: tasks[index] });
    }
  };
  for (let i = 1; i < lanes; i++) {
    const w = new Worker(script, { workerData: { overclaimWorker: 1, ...settings } });
    workers.push(w);
    w.on('message', (reply: WorkerReply) => {
      if ('fatal' in reply) return fail(new FatalError(reply.fatal));
      if ('crash' in reply) return fail(new Error(`in a worker thread: ${reply.crash}`));
      finish(reply.index, reply.report);
      feed(w);
    });
    w.on('error', fail);
    w.on('exit', (code) => {
      if (finished < tasks.length) fail(new Error(`a worker thread exited early (code ${code})`));
    });
    for (let k = 0; k < IN_FLIGHT; k++) feed(w);
  }
  try {
    while (next < tasks.length && !failure) {
      const index = next++;
      finish(index, lintHere(tasks[index] as FileTask));
      // Let the workers' replies in, so they are fed while this thread lints.
      await new Promise((resolve) => setImmediate(resolve));
    }
    await done;
  } finally {
    for (const w of workers) w.removeAllListeners('exit');
    await Promise.all(workers.map((w) => w.terminate()));
  }
  if (failure) throw failure;
  return results;
}
