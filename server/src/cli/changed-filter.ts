/**
 * --changed-since keeps findings on changed lines. Document-level rules are about the whole
 * draft, so they are kept whenever the draft changed at all. After --fix, positions in text the
 * fixes inserted count as changed; the rest map back to the lines of the draft as read.
 */
import { LineIndex } from '../engine/positions.ts';
import { rules } from '../engine/rules/index.ts';
import type { Finding } from '../engine/types.ts';

/** Plain data (it crosses to worker threads): every line, or these 1-based line numbers. */
export interface ChangedLinesData {
  all: boolean;
  lines: number[];
}

const documentRules = new Set<string>(rules.filter((r) => r.scope === 'document').map((r) => r.id));

export type FindingFilter = (
  findings: Finding[],
  originOf: (offset: number) => number | undefined,
) => Finding[];

export function changedLineFilter(original: string, changed?: ChangedLinesData): FindingFilter {
  if (!changed || changed.all) return (findings) => findings;
  const lines = new Set(changed.lines);
  const index = new LineIndex(original);
  // Inclusive: the original positions of the first and last flagged characters.
  const touches = (start: number | undefined, lastChar: number | undefined) => {
    if (start === undefined || lastChar === undefined) return true;
    const first = index.at(start).line;
    const last = index.at(Math.max(start, lastChar)).line;
    for (let n = first; n <= last; n++) if (lines.has(n)) return true;
    return false;
  };
  return (findings, originOf) =>
    findings.filter(
      (x) =>
        documentRules.has(x.ruleId) ||
        touches(originOf(x.start), x.end > x.start ? originOf(x.end - 1) : originOf(x.start)),
    );
}
