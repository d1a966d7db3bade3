/** The stable JSON output (DESIGN §4, schemaVersion 1). */
import { LineIndex } from '../engine/positions.ts';
import { countSeverities, type RunReport } from './report.ts';
import { fixDiff } from './unified-diff.ts';

export function formatJson(report: RunReport): string {
  const files = report.files.map((f) => {
    const lines = new LineIndex(f.text);
    const out: Record<string, unknown> = {
      path: f.path,
      findings: f.findings.map((x) => ({
        ruleId: x.ruleId,
        severity: x.severity,
        message: x.message,
        range: { start: lines.at(x.start), end: lines.at(x.end) },
        text: x.text,
        ...(x.claimId ? { claimId: x.claimId } : {}),
        sources: x.sources,
        suggestions: x.suggestions.map((s) => ({
          title: s.title,
          kind: s.kind,
          safe: s.safe,
          edits: s.edits,
        })),
      })),
      suppressed: f.suppressed,
    };
    if (f.notices.length > 0)
      out.notices = f.notices.map((n) => ({
        message: n.message,
        range: { start: lines.at(n.start), end: lines.at(n.end) },
      }));
    if (f.skipped) out.skipped = f.skipped;
    if (f.fix)
      out.fix = {
        written: f.fix.written,
        applied: f.fix.applied,
        // Net edits against the text as read, so a consumer can check or replay them.
        edits: f.fix.edits,
        ...(f.fix.written ? {} : { diff: fixDiff(f.path, f.fix) }),
        ...(f.fix.problem ? { problem: f.fix.problem } : {}),
      };
    return out;
  });
  const { errors, warnings, infos, suppressed } = countSeverities(report.files);
  return `${JSON.stringify(
    {
      schemaVersion: 1,
      tool: { name: 'overclaim', version: report.version },
      claimBase: report.claimBase,
      files,
      summary: {
        files: report.files.length,
        errors,
        warnings,
        infos,
        suppressed,
        ...(report.files.some((f) => f.fix)
          ? { fixed: report.files.reduce((n, f) => n + (f.fix?.applied.length ?? 0), 0) }
          : {}),
      },
    },
    null,
    2,
  )}\n`;
}
