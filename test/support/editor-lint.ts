/**
 * The editor's incremental result as a full lint's: every finding with the suggestions made for
 * it. Also checks what the editor reads without making them (`hasSafeFix`) against them.
 */
import assert from 'node:assert/strict';
import type { EditorLintResult, LintResult } from '../../server/src/engine/types.ts';

export function asLintResult(editor: EditorLintResult): LintResult {
  const { suggestionsOf, hasSafeFix, ...rest } = editor;
  const findings = editor.findings.map((f, i) => ({ ...f, suggestions: suggestionsOf(i) }));
  assert.equal(
    hasSafeFix(),
    findings.some((f) => f.suggestions.some((s) => s.safe)),
    'hasSafeFix disagrees with the suggestions',
  );
  return { ...rest, findings };
}
