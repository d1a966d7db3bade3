// --fix and --fix-dry-run on every fixture and example (as written, with CRLF line endings and
// with a BOM) and on drafts written for this test: only safe fixes, bytes outside the edited
// spans kept, nothing fixable left afterwards, the dry-run diff applies with git, and files are
// replaced atomically with their mode and symlinks intact.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  cpSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import { BALANCED, OVERCLAIMING, root, run, tempDir } from './helpers.mjs';

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const DRAFTS = /\.(md|markdown|mdx|txt)$/;

function listDrafts(dir) {
  return readdirSync(dir, { recursive: true })
    .map(String)
    .filter((p) => DRAFTS.test(p))
    .sort();
}

/** Every fixture and example, plus CRLF and BOM variants of each. */
function corpusDir() {
  const dir = tempDir();
  for (const source of ['examples', 'test/fixtures']) {
    for (const rel of listDrafts(join(root, source))) {
      const bytes = readFileSync(join(root, source, rel));
      const text = bytes.toString('utf8');
      const put = (variant, content) => {
        const target = join(dir, variant, source, rel);
        mkdirSync(join(target, '..'), { recursive: true });
        writeFileSync(target, content);
      };
      put('as-is', bytes);
      if (!text.includes('\r')) put('crlf', Buffer.from(text.replace(/\n/g, '\r\n'), 'utf8'));
      put('bom', Buffer.concat([BOM, bytes]));
    }
  }
  return dir;
}

/** Drafts nobody tuned the rules on: odd endings, astral characters, no final newline. */
const UNSEEN = {
  'unseen/no-final-newline.md':
    '# Ketamine FAQ 🧠\n\nOur clinic says ketamine is a cure for depression. It works for everyone 💯 who tries it.',
  'unseen/crlf-emoji.md':
    '---\r\ntitle: "Spring 🌸 offer"\r\n---\r\n\r\nKetamine cures depression and anxiety.\r\nThe nasal spray esketamine is FDA-approved for treatment-resistant depression.\r\n',
  'unseen/open-fence.md': 'Ketamine cures depression for everyone.\n\n```\nunclosed code\n',
  'unseen/lone-cr.txt': 'Ketamine cures depression.\rOral ketamine works.\r',
  'unseen/list.mdx':
    'import X from "./x"\n\n- Ketamine can cure depression.\n- Troches work for everyone.\n\n<X>Ketamine cures PTSD.</X>\n',
  'unseen/overclaiming.md': OVERCLAIMING,
};

/** Where the fixed text differs from the original outside the edits, or undefined. */
function differenceOutsideEdits(before, after, edits) {
  let at = 0; // in `before`
  let out = 0; // in `after`
  for (const e of edits) {
    const keep = before.slice(at, e.start);
    if (after.slice(out, out + keep.length) !== keep) return `before offset ${at}`;
    out += keep.length;
    if (after.slice(out, out + e.newText.length) !== e.newText) return `edit at ${e.start}`;
    out += e.newText.length;
    at = e.end;
  }
  const tail = before.slice(at);
  if (after.slice(out) !== tail) return `tail after offset ${at}`;
  return undefined;
}

function decode(bytes) {
  const bom = bytes.subarray(0, 3).equals(BOM);
  return { bom, text: bytes.subarray(bom ? 3 : 0).toString('utf8') };
}

function snapshot(dir) {
  return Object.fromEntries(listDrafts(dir).map((p) => [p, readFileSync(join(dir, p))]));
}

describe('--fix and --fix-dry-run', () => {
  it('round-trips every fixture, example and unseen draft, byte for byte outside the edits', () => {
    const dir = corpusDir();
    for (const [name, content] of Object.entries(UNSEEN)) {
      mkdirSync(join(dir, name, '..'), { recursive: true });
      writeFileSync(join(dir, name), content);
    }
    const before = snapshot(dir);

    const dry = run(['--fix-dry-run', '--format', 'json', '.'], { cwd: dir });
    assert.ok(dry.code === 0 || dry.code === 1, dry.stderr);
    assert.deepEqual(snapshot(dir), before, '--fix-dry-run writes nothing');
    const planned = Object.fromEntries(JSON.parse(dry.stdout).files.map((f) => [f.path, f]));

    const fixed = run(['--fix', '--format', 'json', '.'], { cwd: dir });
    assert.ok(fixed.code === 0 || fixed.code === 1, fixed.stderr);
    assert.equal(fixed.stderr, '');
    const report = JSON.parse(fixed.stdout);
    const after = snapshot(dir);
    let changed = 0;
    for (const f of report.files) {
      const old = decode(before[f.path]);
      const now = decode(after[f.path]);
      assert.equal(now.bom, old.bom, `${f.path}: BOM kept`);
      if (!f.fix) {
        assert.ok(after[f.path].equals(before[f.path]), `${f.path}: untouched`);
        continue;
      }
      changed++;
      assert.equal(f.fix.written, true, f.path);
      assert.deepEqual(f.fix.edits, planned[f.path].fix.edits, `${f.path}: dry run = fix`);
      assert.equal(differenceOutsideEdits(old.text, now.text, f.fix.edits), undefined, f.path);
      for (const e of f.fix.edits) assert.ok(e.start <= e.end, f.path);
      f.fix.edits.forEach((e, i) => {
        const next = f.fix.edits[i + 1];
        if (next)
          assert.ok(e.end < next.start || (e.end === next.start && e.start < e.end), f.path);
      });
      if (/\r\n/.test(old.text) && !/(^|[^\r])\n/.test(old.text))
        assert.doesNotMatch(now.text, /(^|[^\r])\n/, `${f.path}: CRLF endings kept`);
      assert.ok(f.fix.applied.every((a) => a.ruleId && a.title));
    }
    assert.ok(changed >= 20, `${changed} files fixed`);

    // Nothing fixable is left, and fixing again changes nothing.
    const again = JSON.parse(run(['--format', 'json', '.'], { cwd: dir }).stdout);
    for (const f of again.files)
      for (const x of f.findings)
        assert.ok(
          !x.suggestions.some((s) => s.safe),
          `${f.path}: ${x.ruleId} still offers a safe fix after --fix`,
        );
    run(['--fix', '.'], { cwd: dir });
    assert.deepEqual(snapshot(dir), after, 'a second --fix changes nothing');
    assert.deepEqual(
      readdirSync(dir, { recursive: true }).filter((p) => /overclaim-.*\.tmp$/.test(String(p))),
      [],
      'no temporary files are left behind',
    );
  });

  it('prints a unified diff that git apply turns into exactly what --fix writes', () => {
    const dir = corpusDir();
    for (const [name, content] of Object.entries(UNSEEN)) {
      mkdirSync(join(dir, name, '..'), { recursive: true });
      writeFileSync(join(dir, name), content);
    }
    const copy = tempDir();
    cpSync(dir, copy, { recursive: true });
    const json = JSON.parse(run(['--fix-dry-run', '--format', 'json', '.'], { cwd: dir }).stdout);
    const diff = json.files.map((f) => f.fix?.diff ?? '').join('');
    assert.ok(run(['--fix-dry-run', '.'], { cwd: dir }).stdout.startsWith(`${diff}\n`));
    assert.match(diff, /^--- a\/.+\n\+\+\+ b\/.+\n@@ -\d+(,\d+)? \+\d+(,\d+)? @@/);
    writeFileSync(join(copy, 'fix.patch'), diff);
    const applied = spawnSync('git', ['apply', '--whitespace=nowarn', 'fix.patch'], {
      cwd: copy,
      encoding: 'utf8',
    });
    assert.equal(applied.status, 0, applied.stderr);
    run(['--fix', '.'], { cwd: dir });
    for (const p of listDrafts(dir))
      assert.ok(
        readFileSync(join(copy, p)).equals(readFileSync(join(dir, p))),
        `${p}: the patched copy equals the fixed file`,
      );
  });

  it('reports what remains and exits by it', () => {
    const dir = tempDir({ 'a.md': `Ketamine cures depression. ${BALANCED}`, 'b.md': OVERCLAIMING });
    const r = run(['--fix', '.'], { cwd: dir });
    assert.equal(r.code, 1, 'b.md keeps errors no safe fix can settle');
    assert.match(r.stdout, /a\.md\n {2}fixed {2}1 safe fix\n/);
    assert.match(r.stdout, /b\.md\n {2}fixed {2}\d+ safe fixes; remaining:\n/);
    assert.match(r.stdout, /safe fixes applied/);
    assert.equal(
      readFileSync(join(dir, 'a.md'), 'utf8'),
      `Ketamine can ease symptoms of depression. ${BALANCED}`,
    );
    assert.equal(run(['a.md'], { cwd: dir }).code, 0);
  });

  it('keeps the file mode, writes through symlinks, and refuses --fix on standard input', () => {
    const dir = tempDir({ 'real/post.md': OVERCLAIMING });
    chmodSync(join(dir, 'real/post.md'), 0o640);
    symlinkSync(join(dir, 'real/post.md'), join(dir, 'link.md'));
    const r = run(['--fix', 'link.md'], { cwd: dir });
    assert.ok(r.code === 0 || r.code === 1, r.stderr);
    assert.ok(lstatSync(join(dir, 'link.md')).isSymbolicLink(), 'the link is still a link');
    assert.notEqual(readFileSync(join(dir, 'real/post.md'), 'utf8'), OVERCLAIMING);
    assert.equal(statSync(join(dir, 'real/post.md')).mode & 0o777, 0o640);
    assert.deepEqual(readdirSync(join(dir, 'real')), ['post.md']);

    const stdin = run(['--fix', '--stdin'], { input: OVERCLAIMING });
    assert.equal(stdin.code, 2);
    assert.equal(stdin.stdout, '');
    assert.match(stdin.stderr, /--fix-dry-run/);
    const dry = run(['--fix-dry-run', '--stdin', '--stdin-filename', 'post.md'], {
      input: OVERCLAIMING,
    });
    assert.match(dry.stdout, /^--- a\/post\.md\n\+\+\+ b\/post\.md\n/);
    assert.equal(run(['--fix', '--fix-dry-run', 'x.md']).code, 2);
  });

  it('leaves files alone when nothing safe applies', () => {
    const dir = tempDir({ 'clean.md': BALANCED });
    const mtime = statSync(join(dir, 'clean.md')).mtimeMs;
    const r = run(['--fix', '--format', 'json', '.'], { cwd: dir });
    assert.equal(r.code, 0);
    assert.equal(JSON.parse(r.stdout).files[0].fix, undefined);
    assert.equal(statSync(join(dir, 'clean.md')).mtimeMs, mtime);
    assert.equal(relative(dir, dir), '');
  });
});
