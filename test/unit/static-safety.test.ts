/**
 * Static guarantees about the source, read as text: no regular expression is built from data,
 * no code is evaluated or loaded from a computed path, no network module is imported, and the
 * only configuration formats are JSON and YAML. A new exception must be reviewed and listed here
 * with the reason it is safe.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import { CONFIG_NAMES } from '../../server/src/node/config-loader.ts';

const root = join(import.meta.dirname, '..', '..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'generated' ? [] : sources(path);
    return /\.(ts|mts|cts|js|mjs)$/.test(name) ? [path] : [];
  });
}

const serverFiles = sources(join(root, 'server', 'src')).map((path) => ({
  path: relative(root, path).split('\\').join('/'),
  // Comments may mention anything; only code counts.
  code: readFileSync(path, 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1'),
}));

/**
 * dist/cli.cjs, the CLI's loader: it compiles the package's own bundle (dist/cli-main.cjs, beside
 * it) with vm.Script to use V8's code cache, and gives it a require rooted there. Never a file
 * from the workspace or the configuration.
 */
const LOADER = 'server/src/cli/loader.ts';
const LAZY_BUILTINS = 'server/src/node/lazy-builtins.ts';
const loader = serverFiles.find((f) => f.path === LOADER)?.code ?? '';

/** Each `new RegExp(` / `RegExp(` in the server, and why what it compiles is not user data. */
const REVIEWED_REGEXP_CONSTRUCTIONS: Record<string, string> = {
  'server/src/engine/figures.ts':
    'FIGURE and MAYBE_FIGURE join String.raw literals and the NUMBER_WORDS literal, once at module load',
};

function occurrences(pattern: RegExp): { path: string; line: string }[] {
  return serverFiles.flatMap(({ path, code }) =>
    code
      .split('\n')
      .filter((line) => pattern.test(line))
      .map((line) => ({ path, line: line.trim() })),
  );
}

describe('static safety of server/src', () => {
  it('finds the sources it checks', () => {
    assert.ok(serverFiles.length > 40, `only ${serverFiles.length} files found`);
  });

  it('builds no regular expression from non-literal input', () => {
    const found = occurrences(/\bRegExp\s*\(/);
    for (const { path, line } of found)
      assert.ok(
        path in REVIEWED_REGEXP_CONSTRUCTIONS,
        `${path}: "${line}" constructs a RegExp; user data must go through the phrase automaton (engine/phrase.ts), or review and list it here`,
      );
    // The reviewed one still builds only from literals declared in the same file.
    const figures = serverFiles.find((f) => f.path === 'server/src/engine/figures.ts')?.code ?? '';
    assert.match(figures, /const NUMBER_WORDS = '[^']*';/);
  });

  it('evaluates no code: no eval, no Function constructor, no vm but the reviewed loader', () => {
    assert.deepEqual(occurrences(/\beval\s*\(|\bnew\s+Function\s*\(|\bFunction\s*\(\s*['"`]/), []);
    const vm = occurrences(/from\s+['"](node:)?vm['"]/).map((o) => o.path);
    assert.deepEqual(vm, [LOADER]);
    // What the loader compiles is the package's own bundle next to it, a literal file name.
    assert.match(
      loader,
      /const filename = fileURLToPath\(new URL\('cli-main\.cjs', import\.meta\.url\)\);/,
    );
    assert.match(loader, /const bytes = readFileSync\(filename\);/);
    assert.equal(loader.match(/new Script\(/g)?.length, 1);
  });

  it('loads no module from a computed path: require() and import() take literals only', () => {
    const dynamic = occurrences(/\b(require|import)\s*\(\s*[^'"`\s)]/).filter(
      // `import(` inside a type position (import('x').T) is a literal anyway; anything else is not.
      ({ line }) => !/\bimport\s*\(\s*['"]/.test(line),
    );
    assert.deepEqual(dynamic, []);
    // The loader hands its bundle a require rooted at the bundle's own file; it and the lazy
    // built-ins make one of their own, for Node's built-ins named by literals.
    assert.deepEqual(occurrences(/\bcreateRequire\s*\(/), [
      { path: LOADER, line: 'const load = createRequire(import.meta.url);' },
      { path: LOADER, line: 'createRequire(filename),' },
      { path: LAZY_BUILTINS, line: 'const load = createRequire(import.meta.url);' },
    ]);
    const loads = occurrences(/\bload\(/).filter(
      (o) => o.path === LOADER || o.path === LAZY_BUILTINS,
    );
    assert.ok(loads.length >= 3);
    for (const { line } of loads)
      for (const call of line.matchAll(/\bload\(([^)]*)\)/g))
        assert.match(call[1] ?? '', /^'node:[a-z_]+'$/, line);
  });

  it('imports no network module', () => {
    assert.deepEqual(
      occurrences(/from\s+['"](node:)?(net|tls|dgram|http|https|http2|dns)(\/[\w/]*)?['"]/),
      [],
    );
    assert.deepEqual(occurrences(/\bfetch\s*\(|\bXMLHttpRequest\b|\bWebSocket\b/), []);
  });

  it('runs child processes only where reviewed (git for --changed-since)', () => {
    const loading = occurrences(/from\s+['"](node:)?child_process['"]|'node:child_process'\)/);
    assert.deepEqual([...new Set(loading.map((o) => o.path))], [LAZY_BUILTINS]);
    const spawning = occurrences(/\bnodeChildProcess\(\)/).filter((o) => o.path !== LAZY_BUILTINS);
    assert.deepEqual([...new Set(spawning.map((o) => o.path))], ['server/src/node/git-changes.ts']);
    const git = serverFiles.find((f) => f.path === 'server/src/node/git-changes.ts')?.code ?? '';
    // The command is the literal "git", never a path from the workspace or the config.
    assert.equal(git.match(/spawnSync\(/g)?.length, 2);
    assert.equal(git.match(/spawnSync\(\s*'git',/g)?.length, 2);
    // child_process.exec would go through a shell; RegExp.prototype.exec (.exec) is fine.
    assert.doesNotMatch(git, /(^|[^.\w])exec(Sync)?\s*\(|shell:\s*true/);
  });

  it('reads configuration only as JSON or YAML', () => {
    assert.deepEqual(
      CONFIG_NAMES.filter((name) => !/\.(json|ya?ml)$/.test(name)),
      [],
      'a config file name that is not JSON or YAML would be loaded',
    );
  });
});
