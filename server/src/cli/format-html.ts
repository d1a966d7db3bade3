/**
 * The review report (--format html): one self-contained page a clinic's marketing reviewer can
 * open, print or forward. A summary comes first, then each draft with its flagged passages
 * highlighted in context and a card per finding.
 */
import { LineIndex } from '../engine/positions.ts';
import type { Severity } from '../engine/types.ts';
import { evidenceFor } from './evidence.ts';
import { escapeHtml, link } from './html-escape.ts';
import { findingCard, SEVERITY_LABELS } from './html-finding.ts';
import { sourceView } from './html-source.ts';
import { REPORT_CSS } from './html-style.ts';
import { countSeverities, plural, type FileReport, type RunReport } from './report.ts';
import { ruleCatalog, ruleEntry } from './rule-catalog.ts';

export function formatHtml(report: RunReport, now = new Date()): string {
  const flagged = report.files.filter((f) => f.findings.length > 0);
  const clean = report.files.filter((f) => f.findings.length === 0 && !f.skipped);
  const skipped = report.files.filter((f) => f.skipped);
  const title = `Claims review: ${plural(flagged.length, 'draft')} to revise of ${report.files.length}`;
  const body = [
    '<main>',
    '<header>',
    '<h1>Claims review report</h1>',
    `<p class="meta">${escapeHtml(
      `Checked ${now.toISOString().slice(0, 10)} by overclaim ${report.version} against claim base ${report.claimBase.version} (${report.claimBase.claims} claims, ${report.claimBase.sources} sources)`,
    )}${report.changedSince ? escapeHtml(`; only lines changed since ${report.changedSince}`) : ''}.</p>`,
    '</header>',
    summary(report),
    ...flagged.map((f, i) => documentSection(report, f, i + 1)),
    clean.length > 0
      ? `<section class="card clean" aria-labelledby="clean-title"><h2 id="clean-title">No findings</h2><ul>${clean.map((f) => `<li>${escapeHtml(f.path)}${f.fix?.applied.length ? ` — ${plural(f.fix.applied.length, 'safe fix', 'safe fixes')} applied` : ''}</li>`).join('')}</ul></section>`
      : '',
    skipped.length > 0
      ? `<section class="card skipped" aria-labelledby="skipped-title"><h2 id="skipped-title">Not checked</h2><ul>${skipped.map((f) => `<li>${escapeHtml(f.path)}: ${escapeHtml(f.skipped ?? '')}</li>`).join('')}</ul></section>`
      : '',
    '<footer>',
    '<p>Errors are claims the evidence contradicts or that regulators and advertising rules do not allow; fix them before publishing. Warnings overstate what the evidence shows; revise or justify them. Info items ask for a citation or a disclaimer.</p>',
    '<p>Highlights mark the exact words flagged; the numbered markers link each passage to its explanation. Suppressed findings are ones the writer silenced in the draft with a stated reason.</p>',
    '</footer>',
    '</main>',
  ];
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="referrer" content="no-referrer">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${REPORT_CSS}</style>`,
    '</head>',
    '<body>',
    ...body.filter(Boolean),
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function summary(report: RunReport): string {
  const { errors, warnings, infos, suppressed } = countSeverities(report.files);
  const verdict =
    errors > 0
      ? `<p class="verdict sev-error">Not ready to publish: ${plural(errors, 'error')} must be fixed.</p>`
      : warnings > 0
        ? `<p class="verdict sev-warning">Review needed: ${plural(warnings, 'warning')} to revise or justify.</p>`
        : `<p class="verdict ok">No errors or warnings${infos > 0 ? `; ${plural(infos, 'suggestion')} to consider` : ''}.</p>`;
  const totals = [
    ['files', report.files.length, 'files checked'],
    ['error', errors, errors === 1 ? 'error' : 'errors'],
    ['warning', warnings, warnings === 1 ? 'warning' : 'warnings'],
    ['info', infos, 'info'],
    ['suppressed', suppressed, 'suppressed'],
  ] as const;
  const byRule = ruleCatalog
    .map((r) => {
      const counts = { error: 0, warning: 0, info: 0 };
      for (const f of report.files)
        for (const x of f.findings) if (x.ruleId === r.id) counts[x.severity]++;
      return { rule: r, counts, total: counts.error + counts.warning + counts.info };
    })
    .filter((r) => r.total > 0);
  const files = report.files.filter((f) => f.findings.length > 0);
  return [
    '<section class="card summary" aria-labelledby="summary-title">',
    '<h2 id="summary-title">Summary</h2>',
    verdict,
    `<ul class="totals">${totals
      .map(
        ([key, n, label]) =>
          `<li class="sev-${key}" data-total="${key}"><span class="n">${n}</span>${label}</li>`,
      )
      .join('')}</ul>`,
    byRule.length > 0
      ? [
          '<h3>Findings by rule</h3>',
          '<table class="by-rule"><thead><tr><th>Rule</th><th>What it catches</th><th class="num">Errors</th><th class="num">Warnings</th><th class="num">Info</th></tr></thead><tbody>',
          ...byRule.map(
            ({ rule, counts }) =>
              `<tr data-rule="${escapeHtml(rule.id)}"><td>${link(rule.id, rule.docsUrl)}</td><td>${escapeHtml(rule.summary)}</td>${cell(counts.error)}${cell(counts.warning)}${cell(counts.info)}</tr>`,
          ),
          '</tbody></table>',
        ].join('\n')
      : '',
    files.length > 0
      ? [
          '<h3>Drafts to revise</h3>',
          '<table class="by-file"><thead><tr><th>Draft</th><th class="num">Errors</th><th class="num">Warnings</th><th class="num">Info</th></tr></thead><tbody>',
          ...files.map((f, i) => {
            const c = countSeverities([f]);
            return `<tr><td><a href="#doc-${i + 1}">${escapeHtml(f.path)}</a></td>${cell(c.errors)}${cell(c.warnings)}${cell(c.infos)}</tr>`;
          }),
          '</tbody></table>',
        ].join('\n')
      : '',
    '</section>',
  ].join('\n');
}

function cell(n: number): string {
  return `<td class="num">${n === 0 ? '–' : n}</td>`;
}

function documentSection(report: RunReport, f: FileReport, index: number): string {
  const prefix = `doc-${index}`;
  const lines = new LineIndex(f.text);
  const base = report.claimBaseFor(f.path);
  const c = countSeverities([f]);
  const counts = (
    [
      ['error', c.errors],
      ['warning', c.warnings],
      ['info', c.infos],
    ] as [Severity, number][]
  )
    .filter(([, n]) => n > 0)
    .map(
      ([s, n]) => `${n} ${SEVERITY_LABELS[s].toLowerCase()}${n === 1 || s === 'info' ? '' : 's'}`,
    )
    .concat(f.suppressed > 0 ? [`${f.suppressed} suppressed`] : [])
    .join(' · ');
  const cards = f.findings.map((x, i) =>
    findingCard(x, i + 1, lines.at(x.start), ruleEntry(x.ruleId), evidenceFor(base, x), prefix),
  );
  return [
    `<section class="card doc" id="${prefix}" aria-labelledby="${prefix}-title">`,
    `<div class="doc-head"><h2 id="${prefix}-title">${escapeHtml(f.path)}</h2><span class="counts">${escapeHtml(counts)}</span></div>`,
    f.fix && f.fix.applied.length > 0
      ? `<p class="fixed-note">${plural(f.fix.applied.length, 'safe fix', 'safe fixes')} ${f.fix.written ? (f.fix.applied.length === 1 ? 'was applied' : 'were applied') : 'would be applied'} by <code>--fix</code>; the findings below are what remains.</p>`
      : '',
    sourceView(f.text, f.findings, prefix),
    `<ol class="findings">`,
    ...cards,
    '</ol>',
    '</section>',
  ]
    .filter(Boolean)
    .join('\n');
}
