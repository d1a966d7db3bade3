// Many files: worker threads give the same output, in the same order, as linting in-process;
// --fix works from workers; progress shows on a terminal only, and never on stdout; files are
// listed in one order whatever the machine's locale.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { BALANCED, cli, OVERCLAIMING, root, run, tempDir } from './helpers.mjs';

/** 150 drafts across folders: fixtures, examples and generated ones, some clean. */
function manyDrafts() {
  const files = {};
  const sources = [
    ...readdirSync(join(root, 'test', 'fixtures')).map((f) => join(root, 'test', 'fixtures', f)),
    join(root, 'examples', 'clinic-landing-page.md'),
    join(root, 'examples', 'news-piece.mdx'),
  ];
  for (let i = 0; i < 150; i++) {
    const source = sources[i % sources.length];
    const ext = source.slice(source.lastIndexOf('.'));
    const body = i % 5 === 0 ? BALANCED : i % 7 === 0 ? OVERCLAIMING : readFileSync(source, 'utf8');
    files[`batch-${i % 4}/draft-${String(i).padStart(3, '0')}${i % 5 === 0 ? '.md' : ext}`] = body;
  }
  return tempDir(files);
}

describe('many files', () => {
  it('prints the same report from worker threads as in-process, in input order', () => {
    const dir = manyDrafts();
    for (const format of ['json', 'sarif', 'stylish']) {
      const serial = run(['--jobs', '1', '--format', format, '.'], { cwd: dir });
      const parallel = run(['--jobs', '3', '--format', format, '.'], { cwd: dir });
      const automatic = run(['--format', format, '.'], { cwd: dir });
      assert.equal(serial.code, 1, serial.stderr);
      assert.equal(parallel.stderr, '');
      assert.equal(parallel.code, serial.code);
      assert.equal(parallel.stdout, serial.stdout, `${format}: workers = in-process`);
      assert.equal(automatic.stdout, serial.stdout, `${format}: default = in-process`);
    }
    const paths = JSON.parse(run(['--format', 'json', '.'], { cwd: dir }).stdout).files.map(
      (f) => f.path,
    );
    assert.equal(paths.length, 150);
    assert.deepEqual(paths, [...paths].sort()); // code-unit order
  });

  it('lists files in the same order whatever the locale', () => {
    // Danish collation puts "aa" after "z", and every locale puts "a" before "B".
    const dir = tempDir({
      'aa.md': BALANCED,
      'ab.md': BALANCED,
      'B.md': BALANCED,
      'z.md': BALANCED,
    });
    const orders = ['da_DK.UTF-8', 'en_US.UTF-8', 'C'].map((locale) => {
      const r = run(['--format', 'json', '.'], { cwd: dir, env: { LC_ALL: locale, LANG: locale } });
      assert.equal(r.code, 0, r.stderr);
      return JSON.parse(r.stdout).files.map((f) => f.path);
    });
    assert.deepEqual(orders[0], ['B.md', 'aa.md', 'ab.md', 'z.md']);
    assert.deepEqual(orders[1], orders[0]);
    assert.deepEqual(orders[2], orders[0]);
  });

  it('applies the same fixes from worker threads, and keeps --max-warnings working', () => {
    const a = manyDrafts();
    const b = tempDir();
    cpSync(a, b, { recursive: true });
    const one = run(['--jobs', '1', '--fix', '--format', 'json', '.'], { cwd: a });
    const many = run(['--jobs', '4', '--fix', '--format', 'json', '.'], { cwd: b });
    assert.equal(many.stdout, one.stdout);
    for (const f of readdirSync(a, { recursive: true }).filter((p) => /\.mdx?$|\.txt$/.test(p)))
      assert.ok(readFileSync(join(a, f)).equals(readFileSync(join(b, f))), f);
    const warnings = JSON.parse(one.stdout).summary.warnings;
    assert.ok(warnings > 0);
    const budget = ['--jobs', '2', '--rule', 'cure-claim=off', '--fail-on', 'error'];
    const errorsOff = [
      'approval-status',
      'safety-minimisation',
      'low-dose-unqualified',
      'suicide-claim',
    ];
    const quietRules = errorsOff.flatMap((id) => ['--rule', `${id}=warning`]);
    const count = JSON.parse(
      run([...budget, ...quietRules, '--format', 'json', '.'], { cwd: a }).stdout,
    ).summary;
    assert.equal(count.errors, 0, 'all errors turned into warnings');
    assert.equal(
      run([...budget, ...quietRules, '--max-warnings', String(count.warnings), '.'], { cwd: a })
        .code,
      0,
    );
    assert.equal(
      run([...budget, ...quietRules, '--max-warnings', String(count.warnings - 1), '.'], { cwd: a })
        .code,
      1,
    );
  });

  it('shows progress on a terminal (stderr only) and erases it; never when piped', () => {
    const dir = manyDrafts();
    const piped = run(['--jobs', '2', '.'], { cwd: dir });
    assert.doesNotMatch(piped.stderr + piped.stdout, /files\r|\/150 files/);
    // `script` gives the command a terminal; the report goes to a file so the terminal shows
    // only what was written to stderr.
    const report = join(dir, 'report.txt');
    const r = spawnSync(
      'script',
      ['-qfec', `"${process.execPath}" "${cli}" --jobs 2 -o "${report}" .`, '/dev/null'],
      { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } },
    );
    assert.equal(r.status, 1, r.stderr);
    const ERASE = '\r\u001b[2K';
    assert.match(r.stdout.split(ERASE)[1] ?? '', /^overclaim: +\d+\/150 files$/);
    assert.ok(r.stdout.endsWith(`150/150 files${ERASE}`), 'the line is erased at the end');
    const written = readFileSync(report, 'utf8');
    assert.ok(!written.includes('/150 files') && !written.includes('\u001b'));
  });
});
