/**
 * Safe fixes as one set of edits: the first safe suggestion of each finding, in document order,
 * skipping any edit that would overlap one already chosen. Shared by `--fix` and the editor's
 * "apply all safe fixes" action so both change exactly the same text.
 */
import type { Edit, Finding } from './types.ts';

export function safeFixEdits(findings: readonly Finding[]): Edit[] {
  const chosen: Edit[] = [];
  const ordered = [...findings].sort((a, b) => a.start - b.start || a.end - b.end);
  for (const finding of ordered) {
    const suggestion = finding.suggestions.find((s) => s.safe && s.edits.length > 0);
    if (!suggestion) continue;
    // A suggestion's edits go in together or not at all.
    if (suggestion.edits.some((e) => chosen.some((c) => overlaps(c, e)))) continue;
    chosen.push(...suggestion.edits);
  }
  return chosen.sort((a, b) => a.start - b.start || a.end - b.end);
}

/** Two edits conflict when their spans intersect, or both insert at the same point. */
function overlaps(a: Edit, b: Edit): boolean {
  if (a.start === a.end && b.start === b.end) return a.start === b.start;
  return a.start < b.end && b.start < a.end;
}

/** Applies non-overlapping edits; text outside the edited spans is kept byte for byte. */
export function applyEdits(text: string, edits: readonly Edit[]): string {
  const ordered = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let at = 0;
  for (const e of ordered) {
    if (e.start < at || e.end < e.start || e.end > text.length)
      throw new RangeError(`edit ${e.start}–${e.end} overlaps another or lies outside the text`);
    out += text.slice(at, e.start) + e.newText;
    at = e.end;
  }
  return out + text.slice(at);
}
