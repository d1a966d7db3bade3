/**
 * What a person sees: squiggles and the Problems panel, the hover card, the quick-fix menu.
 * The extension host sets the scene; the code-server launcher looks at the page (and takes the
 * screenshots). Skipped where no browser driver is attached (the test-electron launcher).
 */
import * as assert from 'node:assert/strict';
import { suite, suiteSetup, test } from 'mocha';
import * as vscode from 'vscode';
import { readHarness } from './harness.ts';
import {
  activateOverclaim,
  closeAllEditors,
  hasRule,
  inWorkspace,
  openInEditor,
  rangeOf,
  waitForDiagnostics,
} from './helpers.ts';
import { askUiDriver } from './ui-driver.ts';

suite('UI (seen in the browser)', () => {
  const clinicPage = () => inWorkspace('drafts', 'clinic-landing-page.md');
  let driverDir = '';
  let editor: vscode.TextEditor;

  suiteSetup(async function () {
    driverDir = readHarness().uiDriverDir ?? '';
    if (!driverDir) this.skip();
    await activateOverclaim();
    await closeAllEditors();
    editor = await openInEditor(clinicPage());
    await waitForDiagnostics(clinicPage(), hasRule('cure-claim'), 'cure-claim');
  });

  async function focusOn(text: string): Promise<void> {
    const at = rangeOf(editor.document, text);
    editor.selection = new vscode.Selection(at.start, at.start);
    editor.revealRange(at, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    // Toasts (e.g. from lintWorkspace) would cover the screenshots.
    await vscode.commands.executeCommand('notifications.clearAll');
    await vscode.commands.executeCommand('workbench.action.focusActiveEditorGroup');
  }

  test('squiggles in the editor and findings in the Problems panel', async () => {
    await vscode.commands.executeCommand('workbench.actions.view.problems');
    await focusOn('# Finally');
    const answer = await askUiDriver(driverDir, 'diagnostics', {
      file: 'clinic-landing-page.md',
      problem: 'a Cure',
      lens: 'overclaim:',
    });
    assert.ok(answer.ok, answer.message);
  });

  test('hovering a flagged word shows the claim card', async () => {
    await vscode.commands.executeCommand('workbench.action.closePanel');
    await focusOn('# Finally');
    const answer = await askUiDriver(driverDir, 'hover', {
      word: 'Cure',
      expect: 'What the evidence supports',
    });
    assert.ok(answer.ok, answer.message);
  });

  test('Ctrl+. on a flagged word lists the quick fixes', async () => {
    await focusOn('Cure for');
    const answer = await askUiDriver(driverDir, 'quickfix', { expect: 'Replace “a Cure”' });
    assert.ok(answer.ok, answer.message);
    // The driver only looked; nothing was applied.
    assert.ok(editor.document.getText().includes('a Cure'));
    assert.equal(editor.document.isDirty, false);
  });
});
