// What the server should publish, derived independently: the CLI's JSON findings for the same
// text, converted to LSP diagnostics by hand. The two share the engine, not the protocol layer.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..', '..');
const cli = join(root, 'dist', 'cli.cjs');
const severity = { error: 1, warning: 2, info: 3 };
const docs = 'https://github.com/overclaim/overclaim/blob/main/docs/rules/';

export function cliFindings(text, { filename = 'draft.md', cwd = root, args = [] } = {}) {
  const r = spawnSync(
    process.execPath,
    [cli, '--stdin', '--stdin-filename', filename, '--format', 'json', ...args],
    { input: text, encoding: 'utf8', cwd },
  );
  if (r.status === 2) throw new Error(r.stderr);
  return JSON.parse(r.stdout).files[0].findings;
}

export function expectedDiagnostics(text, version, options) {
  return findingsToDiagnostics(cliFindings(text, options), version);
}

/** The CLI's JSON findings as the diagnostics the server should publish for `version`. */
export function findingsToDiagnostics(findings, version) {
  return findings.map((f) => ({
    range: {
      start: { line: f.range.start.line - 1, character: f.range.start.column - 1 },
      end: { line: f.range.end.line - 1, character: f.range.end.column - 1 },
    },
    severity: severity[f.severity],
    code: f.ruleId,
    codeDescription: { href: `${docs}${f.ruleId}.md` },
    source: 'overclaim',
    message: f.message,
    data: {
      version,
      ...(f.claimId ? { claimId: f.claimId } : {}),
      suggestions: f.suggestions,
    },
  }));
}
