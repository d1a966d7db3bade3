/**
 * Engine results in protocol terms: findings become diagnostics that point back at the lint
 * they came from, and suggestions become workspace edits. Offsets are UTF-16 code units on both
 * sides.
 */
import {
  CodeActionKind,
  DiagnosticSeverity,
  TextDocumentEdit,
  TextEdit,
  type CodeAction,
  type Diagnostic,
  type Position,
  type WorkspaceEdit,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { ruleDocsUrl } from '../engine/rules/rule.ts';
import { isRuleId } from '../engine/rule-ids.ts';
import type { Edit, FindingSummary, Notice, Severity, Suggestion } from '../engine/types.ts';

export const SOURCE = 'overclaim';

/**
 * What a diagnostic carries so a code action can find its finding without linting again: a
 * reference into the server's stored result, not the suggestions themselves (with them, every
 * publish of a large draft was megabytes of JSON).
 */
export interface DiagnosticData {
  /** The document version that was linted. */
  version: number;
  /** The finding's position in that version's result. */
  index: number;
  claimId?: string;
}

const severity: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

export function findingToDiagnostic(
  doc: TextDocument,
  finding: FindingSummary,
  index: number,
): Diagnostic {
  const data: DiagnosticData = { version: doc.version, index, claimId: finding.claimId };
  return {
    range: { start: doc.positionAt(finding.start), end: doc.positionAt(finding.end) },
    severity: severity[finding.severity],
    code: finding.ruleId,
    ...(isRuleId(finding.ruleId) ? { codeDescription: { href: ruleDocsUrl(finding.ruleId) } } : {}),
    source: SOURCE,
    message: finding.message,
    data,
  };
}

/** Problems with the document itself (malformed MDX, bad front matter) are not overclaims. */
export function noticeToDiagnostic(doc: TextDocument, notice: Notice): Diagnostic {
  return {
    range: { start: doc.positionAt(notice.start), end: doc.positionAt(notice.end) },
    severity: DiagnosticSeverity.Information,
    source: SOURCE,
    message: notice.message,
  };
}

/** `data` comes back from the client: anything may be in it. */
export function isDiagnosticData(value: unknown): value is DiagnosticData {
  const v = value as Partial<DiagnosticData> | null;
  return (
    typeof v === 'object' &&
    v !== null &&
    Number.isSafeInteger(v.version) &&
    Number.isSafeInteger(v.index) &&
    (v.index as number) >= 0 &&
    (v.claimId === undefined || typeof v.claimId === 'string')
  );
}

/**
 * The index of the finding a diagnostic sent back by the client stands for, in `result`, the
 * lint of the document's current version; undefined unless the diagnostic was published for that
 * very lint and still describes the same finding (rule, claim, message, range), so a stale,
 * edited or forged diagnostic never gets fixes meant for other text.
 */
export function findingIndexOf(
  doc: TextDocument,
  result: { findings: readonly FindingSummary[] },
  diagnostic: Diagnostic,
): number | undefined {
  if (typeof diagnostic !== 'object' || diagnostic === null) return undefined;
  const data: unknown = diagnostic.data;
  if (diagnostic.source !== SOURCE || !isDiagnosticData(data)) return undefined;
  if (data.version !== doc.version) return undefined;
  const finding = result.findings[data.index];
  if (
    !finding ||
    finding.ruleId !== diagnostic.code ||
    finding.message !== diagnostic.message ||
    finding.claimId !== data.claimId
  )
    return undefined;
  const range: unknown = diagnostic.range;
  if (typeof range !== 'object' || range === null) return undefined;
  const { start, end } = range as { start?: unknown; end?: unknown };
  return samePoint(doc, start, finding.start) && samePoint(doc, end, finding.end)
    ? data.index
    : undefined;
}

/**
 * Whether a position sent back by the client is this offset. Columns are UTF-16, but UTF-8
 * byte columns are accepted too: Neovim 0.7 hands back its own byte columns
 * (vim.lsp.diagnostic.get_line_diagnostics), and they name the same point.
 */
function samePoint(doc: TextDocument, sent: unknown, offset: number): boolean {
  const p = sent as Partial<Position> | null;
  if (typeof p !== 'object' || p === null) return false;
  const at = doc.positionAt(offset);
  if (p.line !== at.line) return false;
  if (p.character === at.character) return true;
  const before = doc.getText({ start: { line: at.line, character: 0 }, end: at });
  return p.character === Buffer.byteLength(before);
}

export function editsToWorkspaceEdit(doc: TextDocument, edits: readonly Edit[]): WorkspaceEdit {
  const textEdits = edits.map((e) =>
    TextEdit.replace({ start: doc.positionAt(e.start), end: doc.positionAt(e.end) }, e.newText),
  );
  return {
    documentChanges: [TextDocumentEdit.create({ uri: doc.uri, version: doc.version }, textEdits)],
  };
}

export function suggestionToCodeAction(
  doc: TextDocument,
  suggestion: Suggestion,
  diagnostic: Diagnostic,
  preferred: boolean,
): CodeAction {
  return {
    title: suggestion.title,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    ...(preferred ? { isPreferred: true } : {}),
    edit: editsToWorkspaceEdit(doc, suggestion.edits),
  };
}
