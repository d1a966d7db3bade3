/**
 * Applying safe suggestions (`--fix`, the editor's "fix all safe problems", property tests).
 * Pure: the caller lints; this module picks edits that cannot interfere, applies them, and
 * lints again until nothing safe is left. It keeps track of which characters are the writer's
 * originals, so callers get the net edits against the text as read and can map a position in
 * the fixed text back to the original.
 */
import type { Edit, Finding } from './types.ts';

export interface AppliedFix {
  ruleId: string;
  title: string;
}

export interface FixResult {
  /** The text after every pass. */
  text: string;
  /** Net edits against the original text, sorted and non-overlapping. */
  edits: Edit[];
  applied: AppliedFix[];
  passes: number;
  /** False when safe suggestions were still offered after the last pass allowed. */
  converged: boolean;
  /** The findings of the last lint, i.e. of `text`. */
  findings: Finding[];
  /** Where a position of `text` was in the original, or undefined inside inserted text. */
  originOf: (offset: number) => number | undefined;
}

/** Lints a text; `originOf` maps its positions back to the original (for changed-line filters). */
export type LintForFix = (
  text: string,
  originOf: (offset: number) => number | undefined,
) => Finding[];

export const MAX_FIX_PASSES = 10;

const isInsertion = (e: Edit) => e.start === e.end;

/**
 * Edits interfere when they overlap, or when an insertion touches another edit: the order of
 * two insertions at one place, or of an insertion next to a replacement, would be a guess.
 * Two replacements that merely touch are fine.
 */
export function editsConflict(a: Edit, b: Edit): boolean {
  if (a.start < b.end && b.start < a.end) return true;
  return (isInsertion(a) || isInsertion(b)) && a.start <= b.end && b.start <= a.end;
}

/** One safe suggestion per finding, in document order, skipping any that would interfere. */
export function pickSafeEdits(
  findings: readonly Finding[],
  textLength: number,
): { edits: Edit[]; applied: AppliedFix[] } {
  const edits: Edit[] = [];
  const applied: AppliedFix[] = [];
  for (const finding of findings) {
    for (const s of finding.suggestions) {
      if (!s.safe || s.edits.length === 0) continue;
      const valid = s.edits.every(
        (e) => Number.isInteger(e.start) && e.start >= 0 && e.start <= e.end && e.end <= textLength,
      );
      const own = s.edits.every((e, i) => s.edits.every((o, j) => i === j || !editsConflict(e, o)));
      if (!valid || !own || s.edits.some((e) => edits.some((o) => editsConflict(e, o)))) continue;
      edits.push(...s.edits);
      applied.push({ ruleId: finding.ruleId, title: s.title });
      break;
    }
  }
  return { edits: edits.sort((a, b) => a.start - b.start || a.end - b.end), applied };
}

/** Applies non-overlapping edits (any order); throws if two of them overlap. */
export function applyEdits(text: string, edits: readonly Edit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let at = 0;
  for (const e of sorted) {
    if (e.start < at || e.end < e.start || e.end > text.length)
      throw new RangeError(`edit ${e.start}-${e.end} overlaps another or is out of range`);
    out += text.slice(at, e.start) + e.newText;
    at = e.end;
  }
  return out + text.slice(at);
}

/** Lints, applies safe fixes, and lints again, until nothing safe is offered or changes. */
export function fixText(
  original: string,
  lintText: LintForFix,
  maxPasses = MAX_FIX_PASSES,
): FixResult {
  let pieces = new PieceTable(original);
  let text = original;
  const applied: AppliedFix[] = [];
  let passes = 0;
  let findings = lintText(text, (o) => pieces.originOf(o));
  let converged = true;
  for (;;) {
    const pick = pickSafeEdits(findings, text.length);
    if (pick.edits.length === 0) break;
    if (passes === maxPasses) {
      converged = false;
      break;
    }
    const next = applyEdits(text, pick.edits);
    if (next === text) break;
    pieces = pieces.apply(pick.edits);
    text = next;
    applied.push(...pick.applied);
    passes++;
    findings = lintText(text, (o) => pieces.originOf(o));
  }
  const final = pieces;
  return {
    text,
    edits: final.netEdits(original.length),
    applied,
    passes,
    converged,
    findings,
    originOf: (o) => final.originOf(o),
  };
}

type Piece = { original: true; start: number; end: number } | { original: false; text: string };

const pieceLength = (p: Piece) => (p.original ? p.end - p.start : p.text.length);

/** The current text as runs of original characters and inserted text. */
class PieceTable {
  private readonly pieces: Piece[];

  constructor(original: string | Piece[]) {
    this.pieces =
      typeof original === 'string'
        ? original.length > 0
          ? [{ original: true, start: 0, end: original.length }]
          : []
        : original;
  }

  /** A new table with `edits` (in current-text offsets, non-overlapping) applied. */
  apply(edits: readonly Edit[]): PieceTable {
    const out: Piece[] = [];
    let at = 0;
    for (const e of [...edits].sort((a, b) => a.start - b.start)) {
      out.push(...this.slice(at, e.start));
      if (e.newText) out.push({ original: false, text: e.newText });
      at = e.end;
    }
    out.push(...this.slice(at, Infinity));
    return new PieceTable(out);
  }

  private slice(from: number, to: number): Piece[] {
    const out: Piece[] = [];
    let offset = 0;
    for (const p of this.pieces) {
      const length = pieceLength(p);
      const a = Math.max(from, offset);
      const b = Math.min(to, offset + length);
      if (a < b) {
        out.push(
          p.original
            ? { original: true, start: p.start + a - offset, end: p.start + b - offset }
            : { original: false, text: p.text.slice(a - offset, b - offset) },
        );
      }
      offset += length;
    }
    return out;
  }

  originOf(offset: number): number | undefined {
    let at = 0;
    let last: Piece | undefined;
    for (const p of this.pieces) {
      const length = pieceLength(p);
      if (offset < at + length) return p.original ? p.start + offset - at : undefined;
      at += length;
      last = p;
    }
    // The very end of the text maps to the end of the last original run, if it ends there.
    return offset === at && (last === undefined || last.original)
      ? last?.original
        ? last.end
        : 0
      : undefined;
  }

  /** The smallest edits against the original that produce the current text. */
  netEdits(originalLength: number): Edit[] {
    const edits: Edit[] = [];
    let at = 0;
    let pending: { start: number; text: string } | undefined;
    const flush = (end: number) => {
      const start = pending?.start ?? at;
      const newText = pending?.text ?? '';
      if (end > start || newText) edits.push({ start, end, newText });
      pending = undefined;
    };
    for (const p of this.pieces) {
      if (!p.original) {
        pending ??= { start: at, text: '' };
        pending.text += p.text;
        continue;
      }
      if (pending || p.start > at) flush(p.start);
      at = p.end;
    }
    if (pending || at < originalLength) flush(originalLength);
    return edits;
  }
}
