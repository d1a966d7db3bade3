import * as assert from 'node:assert/strict';
import { suite, suiteSetup, test } from 'mocha';
import * as vscode from 'vscode';
import {
  activateOverclaim,
  hasRule,
  inWorkspace,
  openInEditor,
  rangeOf,
  ruleOf,
  rulesIn,
  waitForDiagnostics,
} from './helpers.ts';

suite('Diagnostics', () => {
  const clinicPage = () => inWorkspace('drafts', 'clinic-landing-page.md');
  let editor: vscode.TextEditor;

  suiteSetup(async () => {
    await activateOverclaim();
    editor = await openInEditor(clinicPage());
  });

  test('a draft opened from the workspace gets its overclaims underlined', async () => {
    const diagnostics = await waitForDiagnostics(
      clinicPage(),
      (d) => hasRule('cure-claim')(d) && hasRule('approval-status')(d),
      'the clinic page findings',
    );
    for (const rule of ['cure-claim', 'approval-status', 'onset-overclaim', 'safety-minimisation'])
      assert.ok(rulesIn(diagnostics).includes(rule), `no ${rule} finding`);

    const cure = diagnostics.find(
      (d) => ruleOf(d) === 'cure-claim' && d.range.isEqual(rangeOf(editor.document, 'a Cure')),
    );
    assert.ok(cure, 'the heading "Finally, a Cure for Depression" is not flagged on "a Cure"');
    assert.equal(cure.severity, vscode.DiagnosticSeverity.Error);
    assert.match(cure.message, /cure/i);
    const code = cure.code as { value: string; target: vscode.Uri };
    assert.equal(code.value, 'cure-claim');
    assert.match(code.target.toString(), /cure-claim/, 'the code links to the rule docs');
  });

  test('diagnostics follow an edit', async () => {
    const doc = editor.document;
    const added = 'Ketamine works for everyone who tries it.';
    const edited = await editor.edit((b) =>
      b.insert(doc.positionAt(doc.getText().length), `\n${added}\n`),
    );
    assert.ok(edited, 'the edit was not applied');
    const line = rangeOf(doc, added).start.line;
    await waitForDiagnostics(
      clinicPage(),
      (d) => d.some((x) => ruleOf(x) === 'universal-claim' && x.range.start.line === line),
      'a universal-claim finding on the typed line',
    );
    // Leave the draft as it was on disk for the suites that follow.
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await waitForDiagnostics(
      clinicPage(),
      (d) => d.length > 0 && !d.some((x) => x.range.start.line === line),
      'the typed line to be gone after revert',
    );
  });
});
