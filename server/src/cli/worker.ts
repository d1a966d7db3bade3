/**
 * A worker thread's side of parallel linting. The worker runs from the same bundle as the CLI
 * (dist/cli.cjs starts it with workerData marking it), keeps its own config cache, and lints
 * the files the main thread hands it one at a time.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { ConfigCache, type ConfigFlags } from './config-cache.ts';
import { fatalMessage } from './errors.ts';
import { lintFile, type FileTask, type FileWork } from './lint-file.ts';
import type { FileReport } from './report.ts';

export interface WorkerSettings {
  overclaimWorker: 1;
  flags: ConfigFlags;
  work: FileWork;
}

export type WorkerRequest = { index: number; task: FileTask };
export type WorkerReply =
  | { index: number; report: FileReport }
  | { index: number; fatal: string }
  | { index: number; crash: string };

export function isWorkerThread(): boolean {
  return (workerData as Partial<WorkerSettings> | null)?.overclaimWorker === 1;
}

export function runWorker(): void {
  const port = parentPort;
  if (!port) return;
  const settings = workerData as WorkerSettings;
  const configs = new ConfigCache(settings.flags);
  port.on('message', ({ index, task }: WorkerRequest) => {
    let reply: WorkerReply;
    try {
      reply = { index, report: lintFile(task, configs, settings.work) };
    } catch (error) {
      const fatal = fatalMessage(error);
      reply =
        fatal === undefined
          ? {
              index,
              crash: error instanceof Error ? (error.stack ?? error.message) : String(error),
            }
          : { index, fatal };
    }
    port.postMessage(reply);
  });
}
