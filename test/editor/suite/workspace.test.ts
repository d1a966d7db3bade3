import * as assert from 'node:assert/strict';
import { suite, suiteSetup, test } from 'mocha';
import * as vscode from 'vscode';
import {
  activateOverclaim,
  hasRule,
  inWorkspace,
  openInEditor,
  ruleOf,
  waitForDiagnostics,
  writeFile,
} from './helpers.ts';

interface LintFilesResult {
  files: number;
  errors: number;
  warnings: number;
  infos: number;
  skipped: unknown[];
}

suite('Lint the workspace', () => {
  // Copied from examples/ by the launcher and never opened by any test.
  const unopened = () => inWorkspace('drafts', 'news-piece.mdx');

  suiteSetup(async () => {
    await activateOverclaim();
  });

  test('overclaim.lintWorkspace fills the Problems panel for drafts that are not open', async () => {
    const open = vscode.workspace.textDocuments.map((d) => d.uri.toString());
    assert.ok(!open.includes(unopened().toString()), 'the draft must not be open for this test');

    const result = await vscode.commands.executeCommand<LintFilesResult>('overclaim.lintWorkspace');
    assert.ok(result.files >= 3, `only ${result.files} drafts checked`);
    assert.ok(result.errors + result.warnings > 0, 'the example drafts have findings');

    const diagnostics = await waitForDiagnostics(
      unopened(),
      (d) => d.length > 0,
      'diagnostics for the unopened news piece',
    );
    assert.ok(diagnostics.every((d) => d.source === 'overclaim'));
  });

  test('open drafts keep their live diagnostics and quick fixes', async () => {
    const open = await writeFile(inWorkspace('workspace', 'open.md'), 'Ketamine is a cure.\n');
    await openInEditor(open);
    await waitForDiagnostics(open, hasRule('cure-claim'), 'cure-claim');
    await vscode.commands.executeCommand('overclaim.lintWorkspace');
    const cure = vscode.languages.getDiagnostics(open).find((d) => ruleOf(d) === 'cure-claim');
    assert.ok(cure);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      open,
      cure.range,
      vscode.CodeActionKind.QuickFix.value,
    );
    assert.ok(
      actions.some((a) => a.title.startsWith('Replace')),
      `quick fixes lost after linting the workspace: ${actions.map((a) => a.title).join(' | ')}`,
    );
  });
});
