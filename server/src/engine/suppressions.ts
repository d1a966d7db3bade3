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

const KINDS = ['disable-next-line', 'disable', 'enable'] as const;

/**
 * `<!-- overclaim-<kind> <body> -->` or `/* … *\/` → kind and body. Parsed by hand: the regular
 * expression this replaces (a lazy body before an optional closer and `\s*$`) took quadratic
 * time on a comment with a long run of spaces.
 */
function readDirective(value: string): { kind: Directive['kind']; body: string } | undefined {
  let rest = value.trim();
  const opener = ['<!--', '/*'].find((o) => rest.startsWith(o));
  if (!opener) return undefined;
  rest = rest.slice(opener.length).trimStart();
  if (!rest.startsWith('overclaim-')) return undefined;
  rest = rest.slice('overclaim-'.length);
  const kind = KINDS.find((k) => rest.startsWith(k) && !/\w/.test(rest[k.length] ?? ''));
  if (!kind) return undefined;
  let body = rest.slice(kind.length);
  // Up to two closers may trail (`*/` inside an HTML comment, the comment's own `-->`).
  for (let n = 0; n < 2; n++) {
    const closer = ['-->', '*/'].find((c) => body.trimEnd().endsWith(c));
    if (closer) body = body.trimEnd().slice(0, -closer.length);
  }
  return { kind, body };
}

export function parseDirectives(comments: CommentNode[]): Directive[] {
  const out: Directive[] = [];
  for (const c of comments) {
    const m = readDirective(c.value);
    if (!m) continue;
    const body = m.body;
    const split = body.indexOf('--');
    const ids = split >= 0 ? body.slice(0, split) : body;
    out.push({
      kind: m.kind,
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
