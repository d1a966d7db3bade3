// dist/cli.cjs compiles the CLI bundle with the V8 code cache the build made (dist/cli-main.cache)
// and must work the same without it: missing, damaged, made for another build, or rejected by V8.
// NODE_DEBUG=overclaim makes the loader say which cache it used; nothing here times anything.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { BALANCED, OVERCLAIMING, root, tempDir } from './helpers.mjs';

const dist = join(root, 'dist');
const drafts = tempDir({ 'a.md': OVERCLAIMING, 'b.md': BALANCED, 'c.md': OVERCLAIMING });
const files = ['a.md', 'b.md', 'c.md'].map((name) => join(drafts, name));

/** The built CLI copied to a throwaway folder, with `cache` as its code cache (none if null). */
function copyOfCli(cache) {
  const dir = tempDir({ 'package.json': '{ "type": "module" }\n' });
  mkdirSync(join(dir, 'dist'));
  for (const name of ['cli.cjs', 'cli-main.cjs'])
    copyFileSync(join(dist, name), join(dir, 'dist', name));
  if (cache !== null) writeFileSync(join(dir, 'dist', 'cli-main.cache'), cache);
  return join(dir, 'dist', 'cli.cjs');
}

function lint(cli, args, nodeFlags = []) {
  const r = spawnSync(process.execPath, [...nodeFlags, cli, ...args], {
    cwd: drafts,
    encoding: 'utf8',
    input: OVERCLAIMING,
    env: { ...process.env, NO_COLOR: '1', NODE_DEBUG: 'overclaim' },
  });
  const said = r.stderr.match(/code cache: [^\n]+/g) ?? [];
  const stderr = r.stderr.replace(/^OVERCLAIM \d+: [^\n]*\n/gm, '');
  return { code: r.status, stdout: r.stdout, stderr, said };
}

/**
 * The main thread and the workers all said it. A worker that is still loading when the other has
 * linted every file is terminated before it can speak, so at least the main thread and one.
 */
function assertSaidInThreads(said, what) {
  assert.ok(said.length >= 2 && said.length <= 3, said.join('; '));
  assert.deepEqual(said, Array(said.length).fill(what));
}

const built = readFileSync(join(dist, 'cli-main.cache'));
const header = built.subarray(0, built.indexOf(10) + 1);
const expected = lint(join(dist, 'cli.cjs'), files);
const expectedStdin = lint(join(dist, 'cli.cjs'), ['--stdin', '--format', 'json']);

describe('the CLI with and without its code cache', () => {
  test('the built CLI uses its cache, in the main thread and in worker threads', () => {
    assert.equal(expected.code, 1);
    assert.match(expected.stdout, /cure-claim/);
    assert.deepEqual(expected.said, ['code cache: used']);
    const jobs = lint(join(dist, 'cli.cjs'), ['--jobs', '2', ...files]);
    assertSaidInThreads(jobs.said, 'code cache: used');
    assert.equal(jobs.stdout, expected.stdout);
  });

  const cases = [
    ['missing', null, 'code cache: none'],
    ['empty', Buffer.alloc(0), 'code cache: made for another build of the bundle'],
    [
      'made for another build',
      Buffer.concat([Buffer.from('0123456789abcdef\n'), built.subarray(header.length)]),
      'code cache: made for another build of the bundle',
    ],
    [
      'damaged (garbage after a right header)',
      Buffer.concat([header, Buffer.alloc(4096, 0x5a)]),
      'code cache: rejected by V8',
    ],
    ['truncated', built.subarray(0, header.length + 64), 'code cache: rejected by V8'],
  ];
  for (const [name, cache, said] of cases) {
    test(`a cache that is ${name}: the same report, from files, workers and stdin`, () => {
      const cli = copyOfCli(cache);
      const plain = lint(cli, files);
      assert.deepEqual(plain.said, [said]);
      assert.deepEqual(
        [plain.code, plain.stdout, plain.stderr],
        [1, expected.stdout, expected.stderr],
      );
      const jobs = lint(cli, ['--jobs', '2', ...files]);
      assertSaidInThreads(jobs.said, said);
      assert.deepEqual([jobs.code, jobs.stdout], [1, expected.stdout]);
      const stdin = lint(cli, ['--stdin', '--format', 'json']);
      assert.deepEqual([stdin.code, stdin.stdout], [expectedStdin.code, expectedStdin.stdout]);
    });
  }

  test('V8 rejects the cache under other V8 flags, and the CLI still works', () => {
    const r = lint(join(dist, 'cli.cjs'), files, ['--max-old-space-size=200']);
    assert.deepEqual(r.said, ['code cache: rejected by V8']);
    assert.deepEqual([r.code, r.stdout], [1, expected.stdout]);
  });

  // The loader raises V8's interrupt budget unless the user chose one; the cache is made under
  // the loader's value, so V8 takes it only if the loader set its own.
  test("a user's own --interrupt-budget is kept", () => {
    for (const flag of ['--interrupt-budget=100000', '--interrupt_budget=100000']) {
      const r = lint(join(dist, 'cli.cjs'), files, [flag]);
      assert.deepEqual(r.said, ['code cache: rejected by V8'], flag);
      assert.deepEqual([r.code, r.stdout], [1, expected.stdout]);
    }
  });

  test('errors still exit 2 without a cache', () => {
    const r = lint(copyOfCli(null), ['--format', 'nonsense', ...files]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /--format/);
  });
});
