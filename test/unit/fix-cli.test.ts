/**
 * The pieces of --fix below the CLI: the unified diff built from edits, the atomic write that
 * refuses to overwrite a file changed since it was read, and the fixer's position map.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { unifiedDiff } from '../../server/src/cli/unified-diff.ts';
import { applyEdits, fixText } from '../../server/src/engine/fix.ts';
import type { Edit, Finding } from '../../server/src/engine/types.ts';
import { readSourceFile, writeIfUnchanged } from '../../server/src/node/source-file.ts';

function temp(): string {
  return mkdtempSync(join(tmpdir(), 'overclaim-unit-'));
}

/** Applies a diff with git and returns the result, so the diff is checked by its consumer. */
function gitApply(before: string, diff: string): string {
  const dir = temp();
  writeFileSync(join(dir, 'f.md'), before);
  writeFileSync(join(dir, 'p.diff'), diff);
  const r = spawnSync('git', ['apply', '--whitespace=nowarn', 'p.diff'], {
    cwd: dir,
    encoding: 'utf8',
  });
  assert.equal(r.status, 0, r.stderr);
  return readFileSync(join(dir, 'f.md'), 'utf8');
}

describe('unifiedDiff', () => {
  const lines = Array.from({ length: 20 }, (_, i) => `line ${i + 1}\n`).join('');
  const at = (n: number) => lines.indexOf(`line ${n}\n`);

  it('prints hunks with three lines of context and merges close changes', () => {
    const edits: Edit[] = [
      { start: at(2), end: at(2) + 6, newText: 'LINE 2' },
      { start: at(5), end: at(5), newText: 'new\n' },
      { start: at(18), end: at(19), newText: '' },
    ];
    const diff = unifiedDiff('f.md', lines, edits);
    assert.equal(
      diff,
      [
        '--- a/f.md',
        '+++ b/f.md',
        '@@ -1,7 +1,8 @@',
        ' line 1',
        '-line 2',
        '+LINE 2',
        ' line 3',
        ' line 4',
        '+new',
        ' line 5',
        ' line 6',
        ' line 7',
        '@@ -15,6 +16,5 @@',
        ' line 15',
        ' line 16',
        ' line 17',
        '-line 18',
        ' line 19',
        ' line 20',
        '',
      ].join('\n'),
    );
    assert.equal(gitApply(lines, diff), applyEdits(lines, edits));
  });

  it('handles a missing final newline, CRLF endings and appends at the end', () => {
    for (const before of ['a\nb', 'a\r\nb\r\n', 'only line', '']) {
      const edits: Edit[] = [
        { start: before.length, end: before.length, newText: '\n\nNot medical advice.\n' },
      ];
      if (before.length > 0) edits.unshift({ start: 0, end: 1, newText: 'A' });
      const diff = unifiedDiff('f.md', before, edits);
      assert.equal(gitApply(before, diff), applyEdits(before, edits), JSON.stringify(before));
    }
    assert.match(
      unifiedDiff('f.md', 'a\nb', [{ start: 3, end: 3, newText: '!' }]),
      /\\ No newline at end of file\n$/,
    );
  });

  it('is empty when nothing changes', () => {
    assert.equal(unifiedDiff('f.md', 'same\n', [{ start: 0, end: 4, newText: 'same' }]), '');
    assert.equal(unifiedDiff('f.md', 'same\n', []), '');
  });
});

describe('writeIfUnchanged', () => {
  it('replaces the file and keeps its BOM', () => {
    const dir = temp();
    const path = join(dir, 'a.md');
    writeFileSync(path, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('old\n')]));
    const read = readSourceFile(path, 1e6);
    assert.ok(read.ok);
    assert.equal(read.file.text, 'old\n');
    assert.equal(writeIfUnchanged(read.file, 'new\n'), undefined);
    assert.deepEqual([...readFileSync(path).subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    assert.equal(readFileSync(path).subarray(3).toString(), 'new\n');
    assert.deepEqual(readdirSync(dir), ['a.md']);
  });

  it('refuses when the file changed after it was read, and leaves it as it is', () => {
    const dir = temp();
    const path = join(dir, 'a.md');
    writeFileSync(path, 'Ketamine cures depression.\n');
    const read = readSourceFile(path, 1e6);
    assert.ok(read.ok);
    writeFileSync(path, 'The writer saved a new version.\n');
    const problem = writeIfUnchanged(read.file, 'fixed\n');
    assert.match(problem ?? '', /changed on disk/);
    assert.equal(readFileSync(path, 'utf8'), 'The writer saved a new version.\n');
    assert.deepEqual(readdirSync(dir), ['a.md'], 'the temporary file is removed');

    // Same bytes, but touched since: also refused, since an editor may be mid-save.
    writeFileSync(path, 'same\n');
    const again = readSourceFile(path, 1e6);
    assert.ok(again.ok);
    utimesSync(path, new Date(), new Date(Date.now() + 5000));
    assert.match(writeIfUnchanged(again.file, 'fixed\n') ?? '', /changed on disk/);
    assert.equal(readFileSync(path, 'utf8'), 'same\n');
  });
});

describe('fixText', () => {
  const finding = (
    start: number,
    end: number,
    newText: string,
    ruleId = 'cure-claim',
  ): Finding => ({
    ruleId,
    severity: 'error',
    message: 'm',
    start,
    end,
    text: '',
    sources: [],
    suggestions: [{ kind: 'hedge', title: 't', safe: true, edits: [{ start, end, newText }] }],
  });

  it('defers insertions that touch another edit to the next pass and maps positions back', () => {
    const original = 'It cures. End.';
    // Pass 1: replace "cures" and, touching it, insert before it; pass 2 takes the insertion.
    const lintText = (text: string) => {
      const out: Finding[] = [];
      const cures = text.indexOf('cures');
      if (cures >= 0) out.push(finding(cures, cures + 5, 'helps'));
      if (!text.includes('[1]')) {
        const at = text.indexOf('helps') >= 0 ? text.indexOf('helps') : cures;
        out.push(finding(at, at, '[1]', 'missing-citation'));
      }
      return out;
    };
    const result = fixText(original, lintText);
    assert.equal(result.text, 'It [1]helps. End.');
    assert.equal(result.passes, 2);
    assert.ok(result.converged);
    assert.deepEqual(result.edits, [{ start: 3, end: 8, newText: '[1]helps' }]);
    assert.equal(result.originOf(result.text.indexOf('End')), original.indexOf('End'));
    assert.equal(result.originOf(4), undefined, 'inside inserted text');
  });

  it('stops after the last pass allowed when fixes never settle', () => {
    const result = fixText('x', (text) => [finding(0, text.length, `${text}x`)], 3);
    assert.equal(result.passes, 3);
    assert.equal(result.converged, false);
  });
});
