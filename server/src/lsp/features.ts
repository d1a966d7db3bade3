/**
 * Hover, code lens and code actions, all answered from the last lint of the document's current
 * version — never from a stale result, whose offsets would point at the wrong text.
 */
import {
  CodeActionKind,
  MarkupKind,
  type CodeAction,
  type CodeLens,
  type Diagnostic,
  type Hover,
  type Position,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { ruleDocsUrl } from '../engine/rules/rule.ts';
import { isRuleId } from '../engine/rule-ids.ts';
import type { EditorLintResult, FindingSummary } from '../engine/types.ts';
import { claimCardMarkdown } from '../knowledge/claim-card.ts';
import type { ClaimBase } from '../knowledge/compile.ts';
import { countBySeverity, plural } from '../engine/counts.ts';
import { fixText } from '../engine/fix.ts';
import { lint } from '../engine/lint.ts';
import { languageOf, pathOf, type DocumentState } from './linter.ts';
import {
  editsToWorkspaceEdit,
  findingIndexOf,
  SOURCE,
  suggestionToCodeAction,
} from './protocol.ts';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.${SOURCE}`;
export const SHOW_PROBLEMS_COMMAND = 'overclaim.showProblems';

function current(
  doc: TextDocument,
  state: DocumentState | undefined,
): EditorLintResult | undefined {
  return state && state.version === doc.version ? state.result : undefined;
}

export function hover(
  doc: TextDocument,
  state: DocumentState | undefined,
  position: Position,
): Hover | null {
  const result = current(doc, state);
  const base = state?.resolved?.claimBase;
  if (!result || !base) return null;
  const offset = doc.offsetAt(position);
  const here = result.findings.filter((f) => f.start <= offset && offset <= f.end);
  if (here.length === 0) return null;
  const first = here[0] as FindingSummary;
  return {
    contents: {
      kind: MarkupKind.Markdown,
      value: here.map((f) => findingCard(f, base)).join('\n\n---\n\n'),
    },
    range: { start: doc.positionAt(first.start), end: doc.positionAt(first.end) },
  };
}

function findingCard(finding: FindingSummary, base: ClaimBase): string {
  const rule = isRuleId(finding.ruleId)
    ? `[${finding.ruleId}](${ruleDocsUrl(finding.ruleId)})`
    : finding.ruleId;
  const head = `**overclaim** · ${rule} (${finding.severity}): ${finding.message}`;
  const card = finding.claimId ? claimCardMarkdown(base, finding.claimId) : undefined;
  return card ? `${head}\n\n${card}` : head;
}

export function summaryLens(doc: TextDocument, state: DocumentState | undefined): CodeLens[] {
  if (state?.skipped) return [lensAtTop(state.skipped)];
  const result = current(doc, state);
  if (!result) return [];
  const { errors, warnings } = countBySeverity(result.findings);
  const parts = [
    `overclaim: ${plural(result.stats.claims, 'claim')} checked`,
    plural(errors, 'error'),
    plural(warnings, 'warning'),
  ];
  if (result.findings.some((f) => f.ruleId === 'fair-balance')) parts.push('fair balance missing');
  return [lensAtTop(parts.join(' · '))];
}

function lensAtTop(title: string): CodeLens {
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    command: { title, command: SHOW_PROBLEMS_COMMAND },
  };
}

export function codeActions(
  doc: TextDocument,
  state: DocumentState | undefined,
  diagnostics: Diagnostic[],
  only: string[] | undefined,
): CodeAction[] {
  const wants = (kind: string) =>
    only === undefined || only.some((o) => kind === o || kind.startsWith(`${o}.`));
  const actions: CodeAction[] = [];
  // Only the lint of the current version has offsets that fit the text; after an edit, a newer
  // lint is on its way and the editor will ask again with its diagnostics.
  const result = current(doc, state);
  if (result && wants(CodeActionKind.QuickFix)) {
    for (const diagnostic of diagnostics) {
      const index = findingIndexOf(doc, result, diagnostic);
      if (index === undefined) continue;
      const suggestions = result.suggestionsOf(index);
      const firstSafe = suggestions.findIndex((s) => s.safe);
      suggestions.forEach((s, i) =>
        actions.push(suggestionToCodeAction(doc, s, diagnostic, i === firstSafe)),
      );
    }
  }
  const fixAll = fixAllAction(doc, state);
  if (fixAll && (wants(FIX_ALL_KIND) || (only === undefined && diagnostics.length > 0)))
    actions.push(fixAll);
  return actions;
}

/**
 * One action applying every safe fix, exactly as `overclaim --fix` would: fix, re-lint, repeat
 * until nothing safe is left, then hand the editor the net edits against the current text.
 */
export function fixAllAction(
  doc: TextDocument,
  state: DocumentState | undefined,
): CodeAction | undefined {
  const result = current(doc, state);
  const resolved = state?.resolved;
  if (!result || !resolved) return undefined;
  if (!result.hasSafeFix()) return undefined;
  const options = {
    claimBase: resolved.claimBase,
    config: resolved.config,
    path: pathOf(doc.uri),
    language: languageOf(doc),
  };
  const fixed = fixText(doc.getText(), (text) => lint(text, options).findings);
  if (fixed.edits.length === 0) return undefined;
  return {
    title: `overclaim: apply all safe fixes (${plural(fixed.applied.length, 'fix', 'fixes')})`,
    kind: FIX_ALL_KIND,
    edit: editsToWorkspaceEdit(doc, fixed.edits),
  };
}
