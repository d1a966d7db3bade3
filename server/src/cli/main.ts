/**
 * The `overclaim` command: wires the process to runCli. Built into dist/cli-main.cjs, which the
 * command, dist/cli.cjs (loader.ts), runs with V8's code cache; import.meta.url is the loader's.
 */
import { runKb } from './kb/index.ts';
import { runCli, type CliIo } from './run.ts';
import { isWorkerThread, runWorker } from './worker.ts';

declare const OVERCLAIM_VERSION: string;

async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

const colour =
  process.env.NO_COLOR === undefined &&
  (process.env.FORCE_COLOR !== undefined || process.stdout.isTTY === true);

function main(): void {
  const args = process.argv.slice(2);
  // `overclaim kb …` inspects the claim base; everything else lints.
  const run =
    args[0] === 'kb' ? (io: CliIo) => runKb(args.slice(1), io) : (io: CliIo) => runCli(args, io);

  run({
    cwd: process.cwd(),
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    readStdin,
    colour,
    stderrIsTTY: process.stderr.isTTY === true,
    workerScript: new URL(import.meta.url),
    version: typeof OVERCLAIM_VERSION === 'string' ? OVERCLAIM_VERSION : '0.0.0-dev',
  }).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(
        `overclaim: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
      );
      process.exitCode = 2;
    },
  );
}

// The same bundle is the worker thread that lints files in parallel (see pool.ts).
if (isWorkerThread()) runWorker();
else main();
