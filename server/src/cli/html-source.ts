/**
 * The draft as the reviewer sees it in the report: source lines around each finding, the
 * flagged spans highlighted (overlaps included) and a numbered marker at each finding's start
 * that links to its explanation.
 */
import { LineIndex } from '../engine/positions.ts';
import { severities, type Finding, type Severity } from '../engine/types.ts';
import { escapeHtml } from './html-escape.ts';

/** Unflagged lines shown around a flagged one, so each finding is read in context. */
const CONTEXT_LINES = 2;

interface Span {
  start: number;
  end: number;
  severity: Severity;
  ruleId: string;
  number: number;
}

export function sourceView(text: string, findings: Finding[], idPrefix: string): string {
  if (findings.length === 0) return '';
  const lines = new LineIndex(text);
  const spans: Span[] = findings.map((x, i) => ({
    start: x.start,
    end: Math.max(x.end, x.start),
    severity: x.severity,
    ruleId: x.ruleId,
    number: i + 1,
  }));
  const total = lines.lineCount;
  const shown = new Set<number>();
  for (const s of spans) {
    const first = lines.at(s.start).line;
    const last = lines.at(Math.max(s.start, s.end - 1)).line;
    for (let n = first - CONTEXT_LINES; n <= last + CONTEXT_LINES; n++)
      if (n >= 1 && n <= total) shown.add(n);
  }
  // A gap of one line takes as much room as the line itself: show it instead.
  for (const n of [...shown]) if (!shown.has(n + 1) && shown.has(n + 2)) shown.add(n + 1);
  const out: string[] = [];
  let previous = 0;
  for (const n of [...shown].sort((a, b) => a - b)) {
    if (n > previous + 1) out.push(gap(previous + 1, n - 1));
    out.push(lineHtml(text, lines, n, spans, idPrefix));
    previous = n;
  }
  if (previous < total && !(previous === total - 1 && lineText(text, lines, total) === ''))
    out.push(gap(previous + 1, total));
  return `<div class="source" role="region" aria-label="Draft text with flagged passages">\n${out.join('\n')}\n</div>`;
}

function gap(from: number, to: number): string {
  const label = from === to ? `line ${from}` : `lines ${from}–${to}`;
  return `<div class="gap">⋯ ${label} not flagged</div>`;
}

function lineBounds(text: string, lines: LineIndex, n: number): [number, number] {
  const start = lines.lineStart(n);
  const next = n < lines.lineCount ? lines.lineStart(n + 1) : text.length;
  let end = next;
  while (end > start && (text[end - 1] === '\n' || text[end - 1] === '\r')) end--;
  return [start, end];
}

function lineText(text: string, lines: LineIndex, n: number): string {
  const [a, b] = lineBounds(text, lines, n);
  return text.slice(a, b);
}

function lineHtml(
  text: string,
  lines: LineIndex,
  n: number,
  spans: Span[],
  prefix: string,
): string {
  const [start, end] = lineBounds(text, lines, n);
  // A finding's marker sits where it starts; a start inside the line break moves to the line end.
  const markers = spans
    .filter((s) => lines.at(s.start).line === n)
    .map((s) => ({ span: s, at: Math.min(s.start, end) }));
  const cuts = new Set([start, end, ...markers.map((m) => m.at)]);
  for (const s of spans) {
    if (s.start > start && s.start < end) cuts.add(s.start);
    if (s.end > start && s.end < end) cuts.add(s.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < points.length; i++) {
    const a = points[i] as number;
    const b = points[i + 1];
    for (const m of markers) if (m.at === a) parts.push(marker(m.span, prefix));
    if (b === undefined) break;
    const covering = spans.filter((s) => s.start <= a && s.end >= b);
    const piece = escapeHtml(text.slice(a, b));
    if (covering.length === 0) {
      parts.push(piece);
      continue;
    }
    const worst = covering.reduce((w, s) =>
      severities.indexOf(s.severity) < severities.indexOf(w.severity) ? s : w,
    );
    const rules = [...new Set(covering.map((s) => s.ruleId))].join(', ');
    const numbers = covering.map((s) => s.number).join(' ');
    parts.push(
      `<mark class="sev-${worst.severity}${covering.length > 1 ? ' overlap' : ''}" title="${escapeHtml(rules)}" data-findings="${numbers}">${piece}</mark>`,
    );
  }
  return `<div class="line"><span class="ln" aria-hidden="true">${n}</span><span class="tx">${parts.join('')}</span></div>`;
}

function marker(s: Span, prefix: string): string {
  return `<a class="marker sev-${s.severity}" id="${prefix}-m${s.number}" href="#${prefix}-f${s.number}" aria-label="Finding ${s.number}: ${escapeHtml(s.ruleId)}">${s.number}</a>`;
}
