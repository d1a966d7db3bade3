import * as assert from 'node:assert/strict';
import { suite, suiteSetup, test } from 'mocha';
import * as vscode from 'vscode';
import {
  activateOverclaim,
  hasRule,
  inWorkspace,
  openInEditor,
  rangeOf,
  waitForDiagnostics,
} from './helpers.ts';

function hoverText(hovers: vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : c.value))
    .join('\n');
}

suite('Hover and code lens', () => {
  const clinicPage = () => inWorkspace('drafts', 'clinic-landing-page.md');
  let doc: vscode.TextDocument;

  suiteSetup(async () => {
    await activateOverclaim();
    doc = (await openInEditor(clinicPage())).document;
    await waitForDiagnostics(clinicPage(), hasRule('cure-claim'), 'cure-claim');
  });

  test('hovering a flagged word shows the claim card with its sources', async () => {
    const inCure = rangeOf(doc, 'a Cure').start.translate(0, 3);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider',
      doc.uri,
      inCure,
    );
    const text = hoverText(hovers);
    assert.match(text, /cure-claim/);
    assert.match(text, /What the evidence supports/);
    assert.match(text, /Sources:/);
    assert.match(text, /\]\(https?:\/\/[^)]+\)/, 'sources are links');
  });

  test('no hover on unflagged text', async () => {
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider',
      doc.uri,
      rangeOf(doc, 'You have tried the pills').start,
    );
    assert.doesNotMatch(hoverText(hovers), /overclaim/);
  });

  test('a summary code lens sits at the top of the draft', async () => {
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>(
      'vscode.executeCodeLensProvider',
      doc.uri,
    );
    const summary = lenses.find((l) => l.command?.title.startsWith('overclaim:'));
    assert.ok(summary?.command, 'no overclaim code lens');
    assert.equal(summary.range.start.line, 0);
    assert.match(
      summary.command.title,
      /^overclaim: \d+ claims? checked · \d+ errors? · \d+ warnings?( · fair balance missing)?$/,
    );
    assert.match(summary.command.title, /fair balance missing/);
    assert.equal(summary.command.command, 'overclaim.showProblems');
  });
});
