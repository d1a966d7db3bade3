/**
 * Lints many files across cores. Each worker takes the next file when it finishes one, so slow
 * files do not hold up the rest; results are put back in input order, so output is stable.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { FatalError } from './errors.ts';
import type { FileTask } from './lint-file.ts';
import type { FileReport } from './report.ts';
import type { WorkerReply, WorkerSettings } from './worker.ts';

/**
 * Below this many files, starting workers costs more than it saves: each worker loads the
 * bundle and indexes the claim base (a few hundred ms) before its first file.
 */
export const MIN_FILES_FOR_WORKERS = 128;
const FILES_PER_WORKER = 64;
const MAX_WORKERS = 8;

/** Worker count for a run: the --jobs value, or one per core while there is work for it. */
export function workerCount(files: number, jobs: number | undefined): number {
  if (jobs !== undefined) return Math.min(jobs, files);
  if (files < MIN_FILES_FOR_WORKERS) return 1;
  return Math.max(
    1,
    Math.min(availableParallelism(), MAX_WORKERS, Math.ceil(files / FILES_PER_WORKER)),
  );
}

export function lintInWorkers(
  tasks: FileTask[],
  settings: Omit<WorkerSettings, 'overclaimWorker'>,
  count: number,
  script: URL,
  onDone: () => void,
): Promise<FileReport[]> {
  const results: FileReport[] = new Array<FileReport>(tasks.length);
  let next = 0;
  let finished = 0;
  const workers: Worker[] = [];
  return new Promise<FileReport[]>((resolve, reject) => {
    let failed = false;
    const stop = (error?: Error) => {
      if (failed) return;
      if (error) failed = true;
      for (const w of workers) void w.terminate();
      if (error) reject(error);
      else resolve(results);
    };
    const feed = (w: Worker) => {
      if (next < tasks.length) {
        const index = next++;
        w.postMessage({ index, task: tasks[index] });
      }
    };
    for (let i = 0; i < count; i++) {
      const w = new Worker(script, { workerData: { overclaimWorker: 1, ...settings } });
      workers.push(w);
      w.on('message', (reply: WorkerReply) => {
        if ('fatal' in reply) return stop(new FatalError(reply.fatal));
        if ('crash' in reply) return stop(new Error(`in a worker thread: ${reply.crash}`));
        results[reply.index] = reply.report;
        onDone();
        if (++finished === tasks.length) stop();
        else feed(w);
      });
      w.on('error', (error) => stop(error));
      w.on('exit', (code) => {
        if (finished < tasks.length && !failed)
          stop(new Error(`a worker thread exited early (code ${code})`));
      });
      feed(w);
    }
  });
}
