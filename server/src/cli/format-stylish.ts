/** Human-readable output: findings grouped by file, line:column, severity, message, rule id. */
import { LineIndex } from '../engine/positions.ts';
import { countSeverities, plural, type RunReport } from './report.ts';

const COLOURS = { error: 31, warning: 33, info: 36, dim: 2, bold: 1, underline: 4 } as const;

export function formatStylish(report: RunReport, colour: boolean): string {
  const paint = (code: keyof typeof COLOURS, text: string) =>
    colour ? `\u001b[${COLOURS[code]}m${text}\u001b[0m` : text;
  const out: string[] = [];
  for (const f of report.files) {
    if (f.findings.length === 0 && f.notices.length === 0 && !f.skipped && !f.fix) continue;
    out.push(paint('underline', f.path));
    if (f.skipped) out.push(`  ${paint('warning', 'skipped')}  ${f.skipped}`);
    if (f.fix) {
      const n = plural(f.fix.applied.length, 'safe fix', 'safe fixes');
      out.push(
        f.fix.problem
          ? `  ${paint('error', 'not fixed')}  ${f.fix.problem}`
          : `  ${paint('dim', f.fix.written ? 'fixed' : 'would fix')}  ${n}${f.findings.length > 0 ? '; remaining:' : ''}`,
      );
    }
    const lines = new LineIndex(f.text);
    const rows = [
      ...f.notices.map((n) => ({
        at: lines.at(n.start),
        severity: 'notice',
        message: n.message,
        rule: '',
      })),
      ...f.findings.map((x) => ({
        at: lines.at(x.start),
        severity: x.severity,
        message: x.message,
        rule: x.ruleId,
      })),
    ].sort((a, b) => a.at.offset - b.at.offset);
    for (const r of rows) {
      const place = `${r.at.line}:${r.at.column}`.padEnd(8);
      const sev = r.severity.padEnd(8);
      const painted =
        r.severity === 'error' || r.severity === 'warning' || r.severity === 'info'
          ? paint(r.severity, sev)
          : paint('dim', sev);
      out.push(`  ${paint('dim', place)}${painted}${r.message}  ${paint('dim', r.rule)}`);
    }
    out.push('');
  }
  const { errors, warnings, infos, suppressed } = countSeverities(report.files);
  const total = errors + warnings + infos;
  const fixes = report.files.reduce(
    (n, f) => n + (f.fix && !f.fix.problem ? f.fix.applied.length : 0),
    0,
  );
  const dryRun = report.files.some((f) => f.fix && !f.fix.written);
  const fixed =
    fixes > 0
      ? `, ${plural(fixes, 'safe fix', 'safe fixes')} ${dryRun ? 'to apply' : 'applied'}`
      : '';
  const summary = `${total} problem${total === 1 ? '' : 's'} (${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}, ${infos} info) in ${report.files.length} file${report.files.length === 1 ? '' : 's'}${suppressed ? `, ${suppressed} suppressed` : ''}${fixed}${report.changedSince ? ` (lines changed since ${report.changedSince})` : ''}`;
  out.push(
    total === 0
      ? paint('dim', `✔ ${summary}`)
      : paint(errors > 0 ? 'error' : 'warning', `✖ ${summary}`),
  );
  return `${out.join('\n')}\n`;
}
