/** Picks the formatter for --format; one module per format. */
import type { Format } from './args.ts';
import { formatGithub } from './format-github.ts';
import { formatHtml } from './format-html.ts';
import { formatJson } from './format-json.ts';
import { formatJunit } from './format-junit.ts';
import { formatSarif } from './format-sarif.ts';
import { formatStylish } from './format-stylish.ts';
import type { RunReport } from './report.ts';
import { fixDiff } from './unified-diff.ts';

export function formatReport(report: RunReport, format: Format, colour: boolean): string {
  switch (format) {
    case 'json':
      return formatJson(report);
    case 'sarif':
      return formatSarif(report);
    case 'github':
      return formatGithub(report);
    case 'junit':
      return formatJunit(report);
    case 'html':
      return formatHtml(report, reportDate());
    case 'stylish':
      return formatStylish(report, colour);
  }
}

/** The unified diff of every fixed file, in output order (for --fix-dry-run). */
export function fixDiffs(report: RunReport): string {
  return report.files.map((f) => (f.fix ? fixDiff(f.path, f.fix) : '')).join('');
}

/** Now, or SOURCE_DATE_EPOCH (seconds) for reproducible reports, as reproducible builds do. */
function reportDate(): Date {
  const epoch = Number(process.env.SOURCE_DATE_EPOCH);
  return Number.isFinite(epoch) && process.env.SOURCE_DATE_EPOCH
    ? new Date(epoch * 1000)
    : new Date();
}
