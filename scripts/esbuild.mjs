// One build script for every bundle. Type-checking is separate (npm run typecheck).
import { tokenizer } from 'acorn';
import { build } from 'esbuild';
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  outdir: 'dist',
  sourcemap: true,
  legalComments: 'none',
  define: { OVERCLAIM_VERSION: JSON.stringify(pkg.version) },
  logLevel: 'warning',
};

// Each bundle: its entry points and module format. The language server is ESM; the extension is
// CommonJS because VS Code's extension host loads extensions with require().
// Some bundled CommonJS dependencies call require(); give ESM output a real one.
const esmRequire = {
  js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
};
// The CLI is two files: dist/cli.cjs, a small CommonJS loader (the `overclaim` command), and
// dist/cli-main.cjs, the CLI itself, which the loader compiles with V8's code cache (see
// server/src/cli/loader.ts). That needs a classic script, so the CLI is one CommonJS function
// expression the loader calls with exports, require, module, __filename, __dirname and the
// loader's own URL, which stands for import.meta.url (worker threads start the loader).
const cliMain = {
  entryPoints: { 'cli-main': 'server/src/cli/main.ts' },
  plugins: [fdirWithoutPicomatch()],
  format: 'cjs',
  outExtension: { '.js': '.cjs' },
  define: { ...common.define, 'import.meta.url': '__overclaim_entry_url' },
  banner: {
    js: '(function (exports, require, module, __filename, __dirname, __overclaim_entry_url) {',
  },
  footer: { js: '})' },
};
const bundles = [
  cliMain,
  // CommonJS, not ESM: Node starts a CommonJS main ~5 ms sooner (no ES module loader), which is
  // 0.1x of `node -e 0` in the start-up benchmark. import.meta.url becomes the file's URL.
  {
    entryPoints: { cli: 'server/src/cli/loader.ts' },
    format: 'cjs',
    outExtension: { '.js': '.cjs' },
    define: { ...common.define, 'import.meta.url': '__overclaim_loader_url' },
    banner: {
      js: "const __overclaim_loader_url = require('node:url').pathToFileURL(__filename).href;",
    },
  },
  { entryPoints: { server: 'server/src/lsp/main.ts' }, format: 'esm', banner: esmRequire },
  {
    entryPoints: { extension: 'client/src/extension.ts' },
    format: 'cjs',
    outExtension: { '.js': '.cjs' },
    external: ['vscode'],
  },
];

/**
 * fdir (tinyglobby's crawler) require()s a second copy of picomatch from node_modules when it is
 * loaded, for its own glob(), which tinyglobby does not use: ~7 ms of every CLI start and of every
 * worker thread's. Drop that require; fdir's pm then stays null, as when picomatch is missing.
 */
function fdirWithoutPicomatch() {
  const optional = /__require\.resolve\("picomatch"\);\s*pm = __require\("picomatch"\);/;
  return {
    name: 'fdir-without-picomatch',
    setup(b) {
      b.onLoad({ filter: /[\\/]fdir[\\/]dist[\\/]index\.mjs$/ }, (args) => {
        const text = readFileSync(args.path, 'utf8');
        if (!optional.test(text))
          return { warnings: [{ text: 'fdir no longer requires picomatch the known way' }] };
        return { contents: text.replace(optional, ''), loader: 'js' };
      });
    },
  };
}

/**
 * The bundle with the non-ASCII characters esbuild leaves (in regular expression literals and in
 * comments) written as \\u escapes, which mean the same there. The loader reads an all-ASCII
 * bundle as Latin-1, a one-byte string: faster to read than UTF-8, and half the memory.
 */
function asciiOnly(code) {
  if (!/[^\0-\x7f]/.test(code)) return code;
  const spans = [];
  const onComment = (_block, _text, start, end) => spans.push({ start, end, regexp: false });
  const options = { ecmaVersion: 'latest', allowHashBang: true, onComment };
  for (const token of tokenizer(code, options))
    if (token.type.label === 'regexp')
      spans.push({ start: token.start, end: token.end, regexp: true });
  spans.sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  for (const { start, end, regexp } of spans) {
    const text = code.slice(start, end);
    if (!/[^\0-\x7f]/.test(text)) continue;
    out += code.slice(at, start);
    for (let i = 0; i < text.length; i++) {
      const unit = text.charCodeAt(i);
      if (unit < 0x80) out += text[i];
      else if (regexp && text[i - 1] === '\\')
        throw new Error(`an escaped non-ASCII character in a regular expression: ${text}`);
      else out += `\\u${unit.toString(16).padStart(4, '0')}`;
    }
    at = end;
  }
  return out + code.slice(at);
}

// A cache from an earlier build must never sit next to a new bundle, even if this build fails.
const cache = 'dist/cli-main.cache';
rmSync(cache, { force: true });
// Earlier builds made the loader as dist/cli.js: a stale one must not linger and be run.
rmSync('dist/cli.js', { force: true });
rmSync('dist/cli.js.map', { force: true });
const [cliResult] = await Promise.all(
  bundles.map((b) => build({ ...common, ...b, metafile: b === cliMain })),
);
// A vm.Script has no module loader for import(); nothing in the CLI may need one.
const dynamic = Object.values(cliResult.metafile.outputs)
  .flatMap((o) => o.imports)
  .filter((i) => i.kind === 'dynamic-import');
if (dynamic.length > 0)
  throw new Error(`the CLI bundle keeps import() of ${dynamic.map((i) => i.path).join(', ')}`);

// The bundle names its build on its last line; the cache names the build it was made for.
const bundle = asciiOnly(readFileSync('dist/cli-main.cjs', 'utf8'));
if (/[^\0-\x7f]/.test(bundle))
  console.warn('dist/cli-main.cjs is not all ASCII: the CLI reads it as UTF-8, a little slower');
const buildId = createHash('sha256').update(bundle).digest('hex').slice(0, 32);
writeFileSync('dist/cli-main.cjs', `${bundle}//# overclaim-build=${buildId}\n`);

// Make the code cache by running the CLI once on the examples, with a clean environment (no
// NODE_OPTIONS: V8 rejects a cache made under other flags).
const env = { ...process.env };
delete env.NODE_OPTIONS;
execFileSync(process.execPath, ['scripts/code-cache.mjs', cache, 'examples'], {
  env: { ...env, NO_COLOR: '1' },
  stdio: ['ignore', 'ignore', 'inherit'],
});
// Check that V8 takes it, as `overclaim` will.
const check = spawnSync(process.execPath, ['dist/cli.cjs', '--version'], {
  env: { ...env, NODE_DEBUG: 'overclaim' },
  encoding: 'utf8',
});
if (check.status !== 0 || !check.stderr.includes('code cache: used'))
  throw new Error(`the CLI does not use its code cache:\n${check.stderr}`);
