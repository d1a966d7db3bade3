#!/usr/bin/env node
/**
 * dist/cli.cjs, the `overclaim` command: a small loader for the CLI's bundle, dist/cli-main.cjs.
 *
 * Compiling the 2.3 MB bundle was a third of the CLI's start-up, in every process and in every
 * worker thread. The build (scripts/code-cache.mjs) runs the bundle once and saves V8's code
 * cache for it next to it, dist/cli-main.cache; here the bundle is compiled with that cache, so
 * V8 deserializes the functions start-up and a first lint need instead of parsing and compiling
 * them. ES modules cannot be given cached data on Node 20, so the bundle is a CommonJS function
 * expression (see scripts/esbuild.mjs) that this loader calls with a real require.
 *
 * Nothing is ever written at run time. Without a usable cache the bundle is compiled as usual:
 * when the file is missing or unreadable, when it was made for another build of the bundle (the
 * bundle's last line names its build, the cache's first line the build it was made for), and
 * when V8 rejects it (another Node or V8 version, other V8 flags). `NODE_DEBUG=overclaim` says
 * which happened.
 *
 * The loader also raises V8's interrupt budget, how much a function runs before V8 considers
 * optimizing it, before the bundle is compiled (the code cache is made under the same flag).
 * With V8's default a lint of a hundred posts spent ~0.4 s of CPU in optimizing compiles on a
 * background thread that competed with the lint for the machine's cores; see docs/performance.md.
 * Node's built-in modules come with a code cache of their own, which V8 takes only under the
 * flags it was made with, so the built-ins every run loads are loaded before the flag is set.
 */
import { isAscii } from 'node:buffer';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { debuglog, parseArgs } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import { Script } from 'node:vm';
import { isMainThread } from 'node:worker_threads';
import { INTERRUPT_BUDGET } from './interrupt-budget.ts';

type BundleFunction = (
  this: object,
  exports: object,
  require: NodeJS.Require,
  module: { exports: object },
  filename: string,
  dirname: string,
  entryUrl: string,
) => void;

const debug = debuglog('overclaim');

// Flags are per process: set once, by the main thread, and never over a user's own choice (V8
// flags come on node's command line; NODE_OPTIONS does not take this one).
if (isMainThread && !process.execArgv.some((flag) => /^--interrupt[-_]budget/.test(flag))) {
  loadBuiltinsOnAccess();
  setFlagsFromString(`--interrupt-budget=${INTERRUPT_BUDGET}`);
}

/**
 * Loads the built-ins every lint needs that the bundle requires or Node loads on first access: a
 * built-in first loaded after the flag is set is parsed and compiled from source (together with
 * the ones imported above, ~14 M instructions, a tenth of the CLI's own start-up). A test
 * (test/cli/builtins.test.mjs) checks that a lint loads no built-in after the flag.
 */
function loadBuiltinsOnAccess(): void {
  const load = createRequire(import.meta.url);
  void [load('node:os'), load('node:process'), parseArgs, performance];
  void [process.stdout, process.stderr];
}
const filename = fileURLToPath(new URL('cli-main.cjs', import.meta.url));

/**
 * The bundle compiled with its code cache when there is one. The file's bytes and the cache are
 * read here, not kept in module scope: ~3 MB of buffers the CLI no longer needs once V8 has them.
 */
function compile(): Script {
  const bytes = readFileSync(filename);
  // The build writes the bundle in ASCII, which reads faster as Latin-1 (a one-byte string).
  const source = bytes.toString(isAscii(bytes) ? 'latin1' : 'utf8');
  const cachedData = readCache(source);
  const compiled = new Script(source, { filename, cachedData });
  if (cachedData) debug(`code cache: ${compiled.cachedDataRejected ? 'rejected by V8' : 'used'}`);
  return compiled;
}

/** The V8 code cache made for exactly this bundle, or undefined. */
function readCache(source: string): Buffer | undefined {
  const build = /\/\/# overclaim-build=(\w+)\s*$/.exec(source.slice(-200))?.[1];
  let data: Buffer;
  try {
    data = readFileSync(fileURLToPath(new URL('cli-main.cache', import.meta.url)));
  } catch {
    debug('code cache: none');
    return undefined;
  }
  const newline = data.indexOf(10);
  if (build === undefined || newline < 0 || data.toString('latin1', 0, newline) !== build) {
    debug('code cache: made for another build of the bundle');
    return undefined;
  }
  return data.subarray(newline + 1);
}

/** Exported for the build, which makes the code cache from it after a run (code-cache.mjs). */
export const script = compile();
const start = script.runInThisContext() as BundleFunction;
const module = { exports: {} };
// The last argument stands for import.meta.url in the bundle: worker threads start this loader.
start.call(
  module.exports,
  module.exports,
  createRequire(filename),
  module,
  filename,
  dirname(filename),
  import.meta.url,
);
