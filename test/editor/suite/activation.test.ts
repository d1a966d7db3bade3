import * as assert from 'node:assert/strict';
import { suite, suiteSetup, test } from 'mocha';
import * as vscode from 'vscode';
import {
  activateOverclaim,
  EXTENSION_ID,
  hasRule,
  inWorkspace,
  openInEditor,
  waitForDiagnostics,
  writeFile,
} from './helpers.ts';

suite('Activation', () => {
  suiteSetup(async () => {
    // Opening a Markdown draft is what activates the extension for a user.
    const draft = await writeFile(
      inWorkspace('activation', 'first-post.md'),
      'Ketamine is a cure for depression.\n',
    );
    await openInEditor(draft);
  });

  test('activates on a Markdown draft and returns its API', async () => {
    const api = await activateOverclaim();
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.equal(extension?.isActive, true);
    assert.equal(api.client.isRunning(), true);
    assert.equal(api.client.initializeResult?.serverInfo?.name, 'overclaim-language-server');
  });

  test('the server reports the first draft', async () => {
    const uri = inWorkspace('activation', 'first-post.md');
    const diagnostics = await waitForDiagnostics(
      uri,
      hasRule('cure-claim'),
      'a cure-claim finding',
    );
    assert.ok(diagnostics.every((d) => d.source === 'overclaim'));
  });

  test('contributes its commands', async () => {
    const commands = new Set(await vscode.commands.getCommands(true));
    for (const id of [
      'overclaim.lintWorkspace',
      'overclaim.showClaimBase',
      'overclaim.openReviewReport',
      'overclaim.restartServer',
      'overclaim.showProblems',
    ])
      assert.ok(commands.has(id), `${id} is not registered`);
  });
});
