/**
 * A unified diff (as `diff -u` / `git diff` print it) built from known edits rather than by
 * searching for differences: the changed lines are exactly the lines the edits touch. The
 * output applies with `git apply` and `patch -p1`.
 */
import { applyEdits } from '../engine/fix.ts';
import type { Edit } from '../engine/types.ts';

const CONTEXT = 3;

/** Lines as diff and git see them: ended by "\n" ("\r" is content); the last may have none. */
export function splitLines(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

interface Block {
  /** 0-based first changed line in the old and new text, and counts. */
  oldStart: number;
  oldLines: string[];
  newStart: number;
  newLines: string[];
}

/** A diff of what --fix changes, as the file's bytes see it (a BOM is part of line 1). */
export function fixDiff(
  path: string,
  fix: { originalText: string; edits: Edit[]; bom?: boolean },
): string {
  if (!fix.bom) return unifiedDiff(path, fix.originalText, fix.edits);
  const shifted = fix.edits.map((e) => ({ ...e, start: e.start + 1, end: e.end + 1 }));
  return unifiedDiff(path, `\ufeff${fix.originalText}`, shifted);
}

export function unifiedDiff(path: string, before: string, edits: readonly Edit[]): string {
  const after = applyEdits(before, edits);
  if (after === before) return '';
  const oldLines = splitLines(before);
  const blocks = changedBlocks(before, oldLines, edits);
  // Lines shift by what earlier blocks added or removed.
  let shift = 0;
  for (const b of blocks) {
    b.newStart = b.oldStart + shift;
    shift += b.newLines.length - b.oldLines.length;
    trimCommon(b);
  }
  const changed = blocks.filter((b) => b.oldLines.length > 0 || b.newLines.length > 0);
  if (changed.length === 0) return '';
  const out = [`--- a/${path}`, `+++ b/${path}`];
  for (const hunk of groupHunks(changed)) out.push(...hunkLines(hunk, oldLines));
  return `${out.join('\n')}\n`;
}

/** Old lines each edit touches, merged where edits share or neighbour a line. */
function changedBlocks(before: string, oldLines: string[], edits: readonly Edit[]): Block[] {
  const starts: number[] = [];
  let offset = 0;
  for (const line of oldLines) {
    starts.push(offset);
    offset += line.length;
  }
  const lineOf = (at: number) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] ?? 0) <= at) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const ranges: { first: number; last: number; edits: Edit[] }[] = [];
  for (const e of [...edits].sort((a, b) => a.start - b.start)) {
    // An insertion at the very end of a text that ends with a line break adds lines after it.
    const atEnd = e.start === before.length && (before === '' || before.endsWith('\n'));
    const first = atEnd ? oldLines.length : lineOf(e.start);
    const last = atEnd
      ? oldLines.length - 1
      : Math.max(first, lineOf(Math.max(e.start, e.end - 1)));
    const previous = ranges[ranges.length - 1];
    if (previous && first <= previous.last + 1 && !atEnd) {
      previous.last = Math.max(previous.last, last);
      previous.edits.push(e);
    } else ranges.push({ first, last, edits: [e] });
  }
  return ranges.map((r) => {
    const old = oldLines.slice(r.first, r.last + 1);
    const from = starts[r.first] ?? before.length;
    const oldText = old.join('');
    const local = r.edits.map((e) => ({ ...e, start: e.start - from, end: e.end - from }));
    const replaced = splitLines(applyEdits(oldText, local));
    return { oldStart: r.first, oldLines: old, newStart: 0, newLines: replaced };
  });
}

/** Lines equal at both ends of a block are context, not changes. */
function trimCommon(b: Block): void {
  while (b.oldLines.length > 0 && b.newLines.length > 0 && b.oldLines[0] === b.newLines[0]) {
    b.oldLines.shift();
    b.newLines.shift();
    b.oldStart++;
    b.newStart++;
  }
  while (
    b.oldLines.length > 0 &&
    b.newLines.length > 0 &&
    b.oldLines[b.oldLines.length - 1] === b.newLines[b.newLines.length - 1]
  ) {
    b.oldLines.pop();
    b.newLines.pop();
  }
}

function groupHunks(blocks: Block[]): Block[][] {
  const hunks: Block[][] = [];
  for (const b of blocks) {
    const current = hunks[hunks.length - 1];
    const previous = current?.[current.length - 1];
    if (
      current &&
      previous &&
      b.oldStart - (previous.oldStart + previous.oldLines.length) <= 2 * CONTEXT
    )
      current.push(b);
    else hunks.push([b]);
  }
  return hunks;
}

function hunkLines(hunk: Block[], oldLines: string[]): string[] {
  const first = hunk[0] as Block;
  const last = hunk[hunk.length - 1] as Block;
  const oldFrom = Math.max(0, first.oldStart - CONTEXT);
  const oldTo = Math.min(oldLines.length, last.oldStart + last.oldLines.length + CONTEXT);
  const newFrom = first.newStart - (first.oldStart - oldFrom);
  const body: string[] = [];
  let oldLen = 0;
  let newLen = 0;
  let at = oldFrom;
  const context = (to: number) => {
    for (; at < to; at++) {
      body.push(...diffLine(' ', oldLines[at] as string));
      oldLen++;
      newLen++;
    }
  };
  for (const b of hunk) {
    context(b.oldStart);
    for (const l of b.oldLines) body.push(...diffLine('-', l));
    for (const l of b.newLines) body.push(...diffLine('+', l));
    oldLen += b.oldLines.length;
    newLen += b.newLines.length;
    at = b.oldStart + b.oldLines.length;
  }
  context(oldTo);
  // An empty side is numbered by the line before it, as diff does.
  const range = (start: number, length: number) =>
    `${length === 0 ? start : start + 1}${length === 1 ? '' : `,${length}`}`;
  return [`@@ -${range(oldFrom, oldLen)} +${range(newFrom, newLen)} @@`, ...body];
}

/** A diff line keeps a "\r" of a CRLF ending; a missing final newline is marked as diff does. */
function diffLine(prefix: string, line: string): string[] {
  if (line.endsWith('\n')) return [prefix + line.slice(0, -1)];
  return [prefix + line, '\\ No newline at end of file'];
}
