// --changed-since in a throwaway git repository: only findings on lines changed since the ref
// (staged, unstaged or committed on a branch), untracked drafts in full, document-level rules
// when the draft changed, nothing from untouched drafts.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { BALANCED, run, tempDir } from './helpers.mjs';

const GIT_ENV = {
  GIT_AUTHOR_NAME: 'Test',
  GIT_AUTHOR_EMAIL: 'test@example.com',
  GIT_COMMITTER_NAME: 'Test',
  GIT_COMMITTER_EMAIL: 'test@example.com',
  GIT_CONFIG_NOSYSTEM: '1',
  HOME: '/nonexistent',
};

function git(dir, ...args) {
  const r = spawnSync('git', args, {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, ...GIT_ENV },
  });
  assert.equal(r.status, 0, `git ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

const A = [
  'Ketamine cures depression.', // 1: an old overclaim
  '',
  'Ketamine may ease symptoms for some adults.', // 3: will become an overclaim
  '',
  'Side effects include dissociation and raised blood pressure. This is not medical advice; talk to your clinician.',
  '',
].join('\n');

/** A repo on branch main with three drafts committed. */
function repo() {
  const dir = tempDir({
    'posts/a.md': A,
    'posts/b.md': 'Ketamine cures depression and works for everyone.\n' + BALANCED,
    'posts/c.md': 'Our ketamine infusions relieve depression.\n\n' + BALANCED,
  });
  git(dir, 'init', '-q', '-b', 'main');
  git(dir, 'add', '.');
  git(dir, 'commit', '-q', '-m', 'drafts');
  return dir;
}

function annotations(stdout) {
  return stdout
    .split('\n')
    .filter((l) => l.startsWith('::'))
    .map((l) => {
      const file = /file=([^,:]+)/.exec(l)[1];
      const line = Number(/line=(\d+)/.exec(l)?.[1]);
      const rule = /title=overclaim ([a-z-]+)/.exec(l)?.[1];
      return `${file}:${line} ${rule}`;
    });
}

describe('--changed-since', () => {
  it('annotates only changed lines, new drafts in full, and document rules of changed drafts', () => {
    const dir = repo();
    // Unstaged: line 3 of a.md now overclaims; line 1's old overclaim is not ours to report.
    writeFileSync(
      join(dir, 'posts/a.md'),
      A.replace('Ketamine may ease symptoms for some adults.', 'It works for everyone.'),
    );
    // Staged: c.md loses its risk and disclaimer sentences (document-level rules fire).
    writeFileSync(join(dir, 'posts/c.md'), 'Our ketamine infusions relieve depression.\n');
    git(dir, 'add', 'posts/c.md');
    // Untracked: a new draft, reported in full.
    writeFileSync(join(dir, 'posts/new draft.md'), 'Ketamine is a cure for depression.\n');

    const r = run(['--changed-since', 'HEAD', '--format', 'github', 'posts'], { cwd: dir });
    assert.equal(r.code, 1, r.stderr);
    const got = annotations(r.stdout);
    assert.deepEqual(
      got.filter((a) => a.startsWith('posts/a.md')),
      ['posts/a.md:3 universal-claim'],
    );
    assert.deepEqual(
      got
        .filter((a) => a.startsWith('posts/c.md'))
        .map((a) => a.split(' ')[1])
        .sort(),
      ['fair-balance', 'missing-disclaimer'],
    );
    assert.ok(
      got.some((a) => a === 'posts/new draft.md:1 cure-claim'),
      got.join('\n'),
    );
    assert.equal(got.filter((a) => a.startsWith('posts/b.md')).length, 0, 'b.md did not change');

    // Without the flag, the old overclaims are all there.
    const all = annotations(run(['--format', 'github', 'posts'], { cwd: dir }).stdout);
    assert.ok(all.includes('posts/a.md:1 cure-claim'));
    assert.ok(all.some((a) => a.startsWith('posts/b.md')));
  });

  it('compares a branch with its base, from a subdirectory too', () => {
    const dir = repo();
    git(dir, 'checkout', '-q', '-b', 'feature');
    const b = readFileSync(join(dir, 'posts/b.md'), 'utf8');
    writeFileSync(join(dir, 'posts/b.md'), `${b}\nOral ketamine works as well as IV.\n`);
    git(dir, 'commit', '-q', '-am', 'more');
    const r = run(['--changed-since', 'main', '--format', 'json', '.'], {
      cwd: join(dir, 'posts'),
    });
    assert.equal(r.code, 1, r.stderr);
    const out = JSON.parse(r.stdout);
    assert.deepEqual(
      out.files.map((f) => f.path),
      ['b.md'],
      'only the changed draft is linted',
    );
    const lines = out.files[0].findings.map((f) => f.range.start.line);
    assert.ok(lines.length > 0 && lines.every((n) => n === 4), `findings on lines ${lines}`);
    // Nothing changed since HEAD: nothing to report, exit 0.
    const clean = run(['--changed-since', 'HEAD', '.'], { cwd: dir });
    assert.equal(clean.code, 0, clean.stdout);
    assert.match(clean.stdout, /0 problems .* in 0 files \(lines changed since HEAD\)/);
  });

  it('fixes only what changed when combined with --fix', () => {
    const dir = repo();
    writeFileSync(
      join(dir, 'posts/a.md'),
      A.replace('Ketamine may ease symptoms for some adults.', 'Ketamine cures anxiety.'),
    );
    const r = run(['--changed-since', 'HEAD', '--fix', 'posts'], { cwd: dir });
    assert.ok(r.code === 0 || r.code === 1, r.stderr);
    const text = readFileSync(join(dir, 'posts/a.md'), 'utf8').split('\n');
    assert.equal(text[0], 'Ketamine cures depression.', 'the old line is left alone');
    assert.equal(text[2], 'Ketamine can ease symptoms of anxiety.');
  });

  it('exits 2 outside a repository, for an unknown ref, and with --stdin', () => {
    const plain = tempDir({ 'a.md': 'Text.\n' });
    for (const [args, cwd, message] of [
      [['--changed-since', 'HEAD', '.'], plain, /needs a git repository/],
      [['--changed-since', 'no-such-ref', '.'], repo(), /unknown git ref "no-such-ref"/],
      [['--changed-since', 'HEAD', '--stdin'], plain, /not --stdin/],
      [['--changed-since=--upload-pack=x', '.'], plain, /takes a git ref/],
    ]) {
      const r = run(args, { cwd, input: 'x' });
      assert.equal(r.code, 2, `${args.join(' ')}: ${r.stdout}`);
      assert.equal(r.stdout, '');
      assert.match(r.stderr, message);
    }
  });
});
