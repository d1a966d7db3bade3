/**
 * What every lint result must satisfy whatever the input: ranges inside the text, on UTF-16
 * boundaries that do not split a surrogate pair, and a `text` that is exactly the flagged span.
 * Returns the problems found so a failing property shows all of them at once.
 */
import type { LintResult } from '../../server/src/engine/types.ts';

const isHigh = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLow = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/** True when an offset falls between the two halves of a surrogate pair. */
export function splitsSurrogatePair(text: string, offset: number): boolean {
  return (
    offset > 0 &&
    offset < text.length &&
    isHigh(text.charCodeAt(offset - 1)) &&
    isLow(text.charCodeAt(offset))
  );
}

export function rangeProblems(text: string, start: number, end: number, what: string): string[] {
  const problems: string[] = [];
  if (!Number.isInteger(start) || !Number.isInteger(end))
    problems.push(`${what}: offsets ${start}-${end} are not integers`);
  else if (start < 0 || end < start || end > text.length)
    problems.push(`${what}: range ${start}-${end} is outside 0-${text.length}`);
  else if (splitsSurrogatePair(text, start) || splitsSurrogatePair(text, end))
    problems.push(`${what}: range ${start}-${end} splits a surrogate pair`);
  return problems;
}

export function resultProblems(text: string, result: LintResult): string[] {
  const problems: string[] = [];
  for (const f of result.findings) {
    const what = `${f.ruleId} at ${f.start}`;
    problems.push(...rangeProblems(text, f.start, f.end, what));
    if (f.text !== text.slice(f.start, f.end)) problems.push(`${what}: text is not the span`);
    // Every finding points at words; an empty or wordless span means offsets went astray.
    if (!/[\p{L}\p{N}]/u.test(f.text)) problems.push(`${what}: span “${f.text}” has no word`);
    if (typeof f.message !== 'string' || f.message === '') problems.push(`${what}: no message`);
    for (const s of f.suggestions) {
      // A milder wording replaces exactly the flagged words.
      const [first] = s.edits;
      if (s.kind === 'hedge' && (first?.start !== f.start || first.end !== f.end))
        problems.push(`${what}: hedge “${s.title}” does not replace the flagged span`);
      for (const e of s.edits) {
        problems.push(...rangeProblems(text, e.start, e.end, `${what} edit “${s.title}”`));
        if (typeof e.newText !== 'string') problems.push(`${what}: edit without newText`);
      }
    }
  }
  for (const n of result.notices) problems.push(...rangeProblems(text, n.start, n.end, 'notice'));
  if (!Number.isInteger(result.suppressed) || result.suppressed < 0)
    problems.push(`suppressed count ${result.suppressed}`);
  return problems;
}
