/**
 * Inline suppressions: `<!-- overclaim-disable-next-line id[, id] -- reason -->`,
 * `<!-- overclaim-disable id -- reason -->` … `<!-- overclaim-enable id -->`, and the MDX
 * form `{/* … *\/}`. No ids means every rule.
 */
import type { LineIndex } from './positions.ts';
import type { CommentNode } from './prose.ts';
import { isRuleId } from './rule-ids.ts';

export interface Directive {
  kind: 'disable-next-line' | 'disable' | 'enable';
  rules: string[];
  reason: string;
  start: number;
  end: number;
}

const DIRECTIVE =
  /^\s*(?:<!--|\/\*)\s*overclaim-(disable-next-line|disable|enable)\b([\s\S]*?)(?:-->|\*\/)?\s*$/;

export function parseDirectives(comments: CommentNode[]): Directive[] {
  const out: Directive[] = [];
  for (const c of comments) {
    const m = DIRECTIVE.exec(c.value);
    if (!m) continue;
    const body = (m[2] ?? '').replace(/\*\/\s*$|-->\s*$/, '');
    const split = body.indexOf('--');
    const ids = split >= 0 ? body.slice(0, split) : body;
    out.push({
      kind: m[1] as Directive['kind'],
      rules: ids.split(/[\s,]+/).filter(Boolean),
      reason: split >= 0 ? body.slice(split + 2).trim() : '',
      start: c.start,
      end: c.end,
    });
  }
  return out;
}

export interface DirectiveProblem {
  directive: Directive;
  message: string;
}

export function directiveProblems(
  directives: Directive[],
  requireReason: boolean,
): DirectiveProblem[] {
  const problems: DirectiveProblem[] = [];
  for (const d of directives) {
    for (const id of d.rules) {
      if (!isRuleId(id))
        problems.push({
          directive: d,
          message: `Unknown rule id “${id}” in an overclaim comment.`,
        });
    }
    if (requireReason && d.kind !== 'enable' && d.reason === '') {
      problems.push({
        directive: d,
        message: 'This suppression gives no reason; add one after “--”.',
      });
    }
  }
  return problems;
}

/** Answers whether a finding of a rule at an offset is silenced. */
export class Suppressions {
  private readonly nextLine: { line: number; rules: string[] }[] = [];
  private readonly ranges: { start: number; end: number; rules: string[] }[] = [];

  constructor(
    directives: Directive[],
    private readonly lines: LineIndex,
    textLength: number,
  ) {
    const open: { start: number; rules: string[] }[] = [];
    for (const d of [...directives].sort((a, b) => a.start - b.start)) {
      if (d.kind === 'disable-next-line')
        this.nextLine.push({ line: lines.at(d.end).line + 1, rules: d.rules });
      else if (d.kind === 'disable') open.push({ start: d.end, rules: d.rules });
      else {
        // enable closes the matching disables (all of them when it names no rule).
        for (let i = open.length - 1; i >= 0; i--) {
          const o = open[i];
          if (!o) continue;
          const closes =
            d.rules.length === 0 ||
            o.rules.length === 0 ||
            o.rules.every((r) => d.rules.includes(r));
          if (closes) {
            this.ranges.push({ start: o.start, end: d.start, rules: o.rules });
            open.splice(i, 1);
          }
        }
      }
    }
    for (const o of open) this.ranges.push({ start: o.start, end: textLength, rules: o.rules });
  }

  has(ruleId: string, offset: number): boolean {
    const covers = (rules: string[]) => rules.length === 0 || rules.includes(ruleId);
    const line = this.lines.at(offset).line;
    return (
      this.nextLine.some((n) => n.line === line && covers(n.rules)) ||
      this.ranges.some((r) => r.start <= offset && offset < r.end && covers(r.rules))
    );
  }
}
