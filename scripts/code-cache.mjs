// Makes dist/cli-main.cache, V8's code cache for the CLI bundle (see server/src/cli/loader.ts).
// Run by scripts/esbuild.mjs in a child process with a clean environment, so the cache is made
// with the V8 flags a user's `overclaim` has:
//
//   node scripts/code-cache.mjs <cache file> <overclaim arguments…>
//
// It runs the CLI once through the loader, as a user would, and saves the cache after the run:
// V8 then includes every function that start-up and that lint compiled, not only the top level.
// The cache's first line is the build named on the bundle's last line, so a cache is never used
// with another bundle.
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createRequire } from 'node:module';

const [out, ...args] = process.argv.slice(2);
if (!out) throw new Error('usage: node scripts/code-cache.mjs <cache file> <overclaim arguments…>');
const loader = resolve('dist/cli.cjs');
const bundle = readFileSync(resolve('dist/cli-main.cjs'), 'utf8');
const build = /\/\/# overclaim-build=(\w+)\s*$/.exec(bundle.slice(-200))?.[1];
if (!build) throw new Error('dist/cli-main.cjs does not name its build on its last line');

process.argv = [process.argv[0], loader, ...args];
const { script } = createRequire(import.meta.url)(loader);
process.on('exit', () => {
  writeFileSync(
    out,
    Buffer.concat([Buffer.from(`${build}\n`, 'latin1'), script.createCachedData()]),
  );
  // The lint's findings set the exit code; the cache was made either way.
  process.exitCode = 0;
});
