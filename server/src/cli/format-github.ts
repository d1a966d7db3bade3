/**
 * GitHub Actions workflow commands: one annotation per finding, shown on the pull request's
 * changed lines and in the run summary. Values are escaped as the Actions runner expects.
 */
import { LineIndex } from '../engine/positions.ts';
import type { Severity } from '../engine/types.ts';
import { evidenceFor } from './evidence.ts';
import { countSeverities, plural, type RunReport } from './report.ts';
import { ruleEntry } from './rule-catalog.ts';

const COMMANDS: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

/** Message text: the runner decodes %25, %0D and %0A. */
export function escapeData(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Property values additionally may not contain ':' or ',' unescaped. */
export function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function command(name: string, properties: Record<string, string | number>, message: string) {
  const props = Object.entries(properties)
    .map(([k, v]) => `${k}=${escapeProperty(String(v))}`)
    .join(',');
  return `::${name}${props ? ` ${props}` : ''}::${escapeData(message)}`;
}

export function formatGithub(report: RunReport): string {
  const out: string[] = [];
  for (const f of report.files) {
    if (f.skipped) out.push(command('warning', { file: f.path }, `Not linted: ${f.skipped}`));
    if (f.fix?.problem)
      out.push(command('warning', { file: f.path }, `Not fixed: ${f.fix.problem}`));
    const lines = new LineIndex(f.text);
    for (const n of f.notices) {
      const at = lines.at(n.start);
      out.push(command('warning', { file: f.path, line: at.line, col: at.column }, n.message));
    }
    for (const x of f.findings) {
      const from = lines.at(x.start);
      const to = lines.at(x.end);
      const { claim } = evidenceFor(report.claimBaseFor(f.path), x);
      const fix = x.suggestions.find((s) => s.kind !== 'suppression');
      const body = [
        x.message,
        ...(claim ? [`What the evidence supports: ${claim.statement.trim()}`] : []),
        ...(fix ? [`Suggested fix: ${fix.title}`] : []),
        ...(x.notes ?? []),
        `Rule: ${ruleEntry(x.ruleId).docsUrl}`,
      ].join('\n');
      out.push(
        command(
          COMMANDS[x.severity],
          {
            file: f.path,
            line: from.line,
            col: from.column,
            endLine: to.line,
            endColumn: to.column,
            title: `overclaim ${x.ruleId}`,
          },
          body,
        ),
      );
    }
  }
  const { errors, warnings, infos, suppressed } = countSeverities(report.files);
  out.push(
    `overclaim: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}, ${plural(infos, 'info', 'infos')} in ${plural(report.files.length, 'file')}${suppressed ? `, ${suppressed} suppressed` : ''}`,
  );
  return `${out.join('\n')}\n`;
}
