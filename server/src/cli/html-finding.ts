/** One finding as a card a reviewer can act on: what, why, what the evidence supports, the fix. */
import type { LineColumn } from '../engine/positions.ts';
import type { Finding } from '../engine/types.ts';
import { evidenceLabels, sourceQualifiers } from '../knowledge/describe.ts';
import type { Evidence } from './evidence.ts';
import { escapeHtml, link } from './html-escape.ts';
import type { RuleEntry } from './rule-catalog.ts';

export const SEVERITY_LABELS = { error: 'Error', warning: 'Warning', info: 'Info' } as const;

export function findingCard(
  x: Finding,
  number: number,
  at: LineColumn,
  rule: RuleEntry,
  evidence: Evidence,
  prefix: string,
): string {
  const out: string[] = [
    `<li class="finding sev-${x.severity}" id="${prefix}-f${number}">`,
    `<div class="finding-head"><a class="num" href="#${prefix}-m${number}" title="Show in the draft">${number}</a>` +
      `<span class="badge sev-${x.severity}">${SEVERITY_LABELS[x.severity]}</span>` +
      `${link(x.ruleId, rule.docsUrl, 'rule')}` +
      `<span class="where">line ${at.line}, column ${at.column}</span></div>`,
    `<p class="flagged">Flagged: <q>${escapeHtml(oneLine(x.text))}</q></p>`,
    `<p class="message">${escapeHtml(x.message)}</p>`,
    `<p class="why">${escapeHtml(rule.summary)} ${link('How this rule works', rule.docsUrl, 'docs')}</p>`,
  ];
  for (const note of x.notes ?? []) out.push(`<p class="note">${escapeHtml(note)}</p>`);
  const { claim, sources } = evidence;
  if (claim || sources.length > 0) {
    out.push('<div class="evidence">', '<h4>What the evidence supports</h4>');
    if (claim) {
      out.push(
        `<p class="statement">${escapeHtml(oneLine(claim.statement))}</p>`,
        `<p class="level">Evidence: ${escapeHtml(evidenceLabels[claim.evidence])}${claim.verified ? '' : ' — <strong>not verified</strong>, do not cite as established'}</p>`,
      );
    }
    if (sources.length > 0) {
      out.push(
        '<ul class="sources">',
        ...sources.map(
          (s) =>
            `<li>${link(s.reference, s.url, 'src-link')} <span class="qual">(${escapeHtml(sourceQualifiers(s.source))})</span></li>`,
        ),
        '</ul>',
      );
    }
    out.push('</div>');
  }
  const fixes = x.suggestions.filter((s) => s.kind !== 'suppression');
  const caveat = claim?.caveats[0];
  const offersCaveat = fixes.some((s) => s.kind === 'caveat');
  if (fixes.length > 0 || claim?.saferWording || caveat) {
    out.push('<div class="fixes">', '<h4>Suggested change</h4>', '<ul>');
    for (const s of fixes) {
      out.push(
        `<li class="${s.kind}">${escapeHtml(s.title)}${s.safe ? ' <span class="safe">safe to apply with <code>--fix</code></span>' : ''}</li>`,
      );
    }
    if (claim?.saferWording && !fixes.some((s) => s.kind === 'rewording'))
      out.push(
        `<li class="rewording">Rewrite the sentence: “${escapeHtml(oneLine(claim.saferWording))}”</li>`,
      );
    if (caveat && !offersCaveat)
      out.push(`<li class="caveat">Add caveat: “${escapeHtml(oneLine(caveat))}”</li>`);
    out.push('</ul>', '</div>');
  }
  out.push('</li>');
  return out.join('\n');
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
