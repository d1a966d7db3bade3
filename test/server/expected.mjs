// What the server should publish, derived independently: the CLI's JSON findings for the same
// text, converted to LSP diagnostics and quick fixes by hand. The two share the engine, not the
// protocol layer.
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
  return findings.map((f, index) => ({
    range: {
      start: { line: f.range.start.line - 1, character: f.range.start.column - 1 },
      end: { line: f.range.end.line - 1, character: f.range.end.column - 1 },
    },
    severity: severity[f.severity],
    code: f.ruleId,
    codeDescription: { href: `${docs}${f.ruleId}.md` },
    source: 'overclaim',
    message: f.message,
    data: { version, index, ...(f.claimId ? { claimId: f.claimId } : {}) },
  }));
}

/** UTF-16 offset to LSP position. */
export function positionAt(text, offset) {
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}

/**
 * The quick fixes the server should offer for `diagnostic`: one per suggestion of the CLI's
 * finding, in order, the first safe one preferred, editing document `uri` at `version`.
 */
export function expectedQuickFixes(text, uri, version, finding, diagnostic) {
  const firstSafe = finding.suggestions.findIndex((s) => s.safe);
  return finding.suggestions.map((s, i) => ({
    title: s.title,
    kind: 'quickfix',
    diagnostics: [diagnostic],
    ...(i === firstSafe ? { isPreferred: true } : {}),
    edit: {
      documentChanges: [
        {
          textDocument: { uri, version },
          edits: s.edits.map((e) => ({
            range: { start: positionAt(text, e.start), end: positionAt(text, e.end) },
            newText: e.newText,
          })),
        },
      ],
    },
  }));
}
