/**
 * Engine results in protocol terms: findings become diagnostics that carry their suggestions,
 * and suggestions become workspace edits. Offsets are UTF-16 code units on both sides.
 */
import {
  CodeActionKind,
  DiagnosticSeverity,
  TextDocumentEdit,
  TextEdit,
  type CodeAction,
  type Diagnostic,
  type WorkspaceEdit,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { ruleDocsUrl } from '../engine/rules/rule.ts';
import { isRuleId } from '../engine/rule-ids.ts';
import type { Edit, Finding, Notice, Severity, Suggestion } from '../engine/types.ts';

export const SOURCE = 'overclaim';

/** What a diagnostic carries so a code action can be built without linting again. */
export interface DiagnosticData {
  /** The document version the offsets refer to. */
  version: number;
  claimId?: string;
  suggestions: Suggestion[];
}

const severity: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

export function findingToDiagnostic(doc: TextDocument, finding: Finding): Diagnostic {
  const data: DiagnosticData = {
    version: doc.version,
    claimId: finding.claimId,
    suggestions: finding.suggestions,
  };
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

export function isDiagnosticData(value: unknown): value is DiagnosticData {
  const v = value as Partial<DiagnosticData> | null;
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof v.version === 'number' &&
    Array.isArray(v.suggestions)
  );
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
