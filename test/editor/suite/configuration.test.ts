import * as assert from 'node:assert/strict';
import { suite, suiteSetup, suiteTeardown, test } from 'mocha';
import * as vscode from 'vscode';
import {
  activateOverclaim,
  hasRule,
  inWorkspace,
  lacksRule,
  openInEditor,
  overclaimDiagnostics,
  ruleOf,
  waitForDiagnostics,
  writeFile,
} from './helpers.ts';

const DRAFT = [
  '# Ketamine',
  '',
  'Ketamine is a cure for depression and brings instant relief.',
  '',
].join('\n');

suite('Configuration', () => {
  const draft = () => inWorkspace('configuration', 'post.md');
  const rcFile = () => inWorkspace('.overclaimrc.json');
  const settings = () => vscode.workspace.getConfiguration('overclaim');

  suiteSetup(async () => {
    await activateOverclaim();
    await writeFile(draft(), DRAFT);
    await openInEditor(draft());
    await waitForDiagnostics(
      draft(),
      (d) => hasRule('cure-claim')(d) && hasRule('onset-overclaim')(d),
      'cure-claim and onset-overclaim',
    );
  });

  suiteTeardown(async () => {
    await settings().update('rules', undefined, vscode.ConfigurationTarget.Workspace);
    await vscode.workspace.fs.delete(rcFile()).then(undefined, () => undefined);
  });

  test('turning a rule off in the settings re-lints open drafts', async () => {
    await settings().update('rules', { 'cure-claim': 'off' }, vscode.ConfigurationTarget.Workspace);
    const after = await waitForDiagnostics(draft(), lacksRule('cure-claim'), 'cure-claim to go');
    assert.ok(hasRule('onset-overclaim')(after), 'other rules keep reporting');

    await settings().update('rules', undefined, vscode.ConfigurationTarget.Workspace);
    await waitForDiagnostics(draft(), hasRule('cure-claim'), 'cure-claim to come back');
  });

  test('writing .overclaimrc.json re-lints open drafts', async () => {
    await writeFile(rcFile(), JSON.stringify({ rules: { 'onset-overclaim': 'off' } }, null, 2));
    const after = await waitForDiagnostics(
      draft(),
      lacksRule('onset-overclaim'),
      'onset-overclaim to go after .overclaimrc.json was written',
    );
    assert.ok(hasRule('cure-claim')(after), 'other rules keep reporting');
  });

  test('an invalid .overclaimrc.json gets a diagnostic on that file, and the server keeps going', async () => {
    await writeFile(rcFile(), JSON.stringify({ rules: { 'onset-overclaim': 'loudly' } }));
    const problems = await waitForDiagnostics(
      rcFile(),
      (d) => d.some((x) => ruleOf(x) === 'config'),
      'a config diagnostic on .overclaimrc.json',
    );
    assert.match(problems[0]?.message ?? '', /onset-overclaim|loudly|rules/);
    assert.ok(overclaimDiagnostics(draft()).length > 0, 'the draft is still checked');
  });

  test('deleting .overclaimrc.json brings the defaults back', async () => {
    await vscode.workspace.fs.delete(rcFile());
    await waitForDiagnostics(
      draft(),
      (d) => hasRule('onset-overclaim')(d) && hasRule('cure-claim')(d),
      'onset-overclaim to come back',
    );
    await waitForDiagnostics(rcFile(), (d) => d.length === 0, 'the config diagnostic to clear');
  });
});
