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
  waitForDiagnostics,
  writeFile,
} from './helpers.ts';

const DRAFT = [
  '# Finally, a Cure for Depression',
  '',
  'Our ketamine infusions bring instant relief from depression.',
  '',
].join('\n');

suite('Quick fixes', () => {
  const draft = () => inWorkspace('quick-fix', 'post.md');

  suiteSetup(async () => {
    await activateOverclaim();
    await writeFile(draft(), DRAFT);
  });

  test('a "Replace" quick fix rewrites the span and the draft is re-linted', async () => {
    const editor = await openInEditor(draft());
    const doc = editor.document;
    const diagnostics = await waitForDiagnostics(draft(), hasRule('cure-claim'), 'cure-claim');
    const cure = diagnostics.find((d) => ruleOf(d) === 'cure-claim');
    assert.ok(cure);

    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      doc.uri,
      cure.range,
      vscode.CodeActionKind.QuickFix.value,
    );
    const titles = actions.map((a) => a.title);
    const replace = actions.find((a) => a.title.startsWith('Replace “a Cure”'));
    assert.ok(replace?.edit, `no Replace quick fix among: ${titles.join(' | ')}`);
    assert.ok(
      titles.some((t) => t.startsWith('Suppress cure-claim')),
      'a suppress action is offered too',
    );
    assert.equal(replace.isPreferred, true, 'the safe rewording is the preferred fix');

    assert.equal(await vscode.workspace.applyEdit(replace.edit), true);
    assert.ok(!doc.getText().includes('a Cure'), 'the flagged words are still there');
    const line = rangeOf(doc, 'Finally,').start.line;
    await waitForDiagnostics(
      draft(),
      (d) =>
        d.length > 0 && !d.some((x) => ruleOf(x) === 'cure-claim' && x.range.start.line === line),
      'the cure-claim finding to go after the fix',
    );
  });

  test('"fix all" applies every safe fix as one edit', async () => {
    const doc = (await openInEditor(draft())).document;
    await waitForDiagnostics(draft(), hasRule('onset-overclaim'), 'onset-overclaim');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      doc.uri,
      new vscode.Range(0, 0, doc.lineCount, 0),
      'source.fixAll.overclaim',
    );
    const fixAll = actions.find((a) => a.kind?.value === 'source.fixAll.overclaim');
    assert.ok(fixAll?.edit, `no fix-all action among: ${actions.map((a) => a.title).join(' | ')}`);
    const before = doc.getText();
    assert.equal(await vscode.workspace.applyEdit(fixAll.edit), true);
    assert.notEqual(doc.getText(), before);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });
});
