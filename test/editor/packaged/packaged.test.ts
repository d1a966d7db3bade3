import * as assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { suite, test } from 'mocha';
import * as vscode from 'vscode';
import { readHarness } from '../suite/harness.ts';
import {
  activateOverclaim,
  EXTENSION_ID,
  hasRule,
  inWorkspace,
  openInEditor,
  waitForDiagnostics,
} from '../suite/helpers.ts';

suite('The installed .vsix', () => {
  test('is the one that runs, from the extensions folder', () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not installed`);
    const installedIn = readHarness().extensionsDir;
    assert.ok(installedIn, 'the launcher did not say where it installed the .vsix');
    const inside = relative(installedIn, extension.extensionPath);
    assert.ok(
      !inside.startsWith('..') && !inside.startsWith(sep),
      `loaded from ${extension.extensionPath}, not from ${installedIn}`,
    );
    const matching = vscode.extensions.all.filter((e) => e.id === EXTENSION_ID);
    assert.equal(matching.length, 1, 'the development folder must not be loaded as well');
  });

  test('ships the bundles and nothing from the source tree', () => {
    const root = vscode.extensions.getExtension(EXTENSION_ID)!.extensionPath;
    for (const file of ['dist/extension.cjs', 'dist/server.js', 'package.json'])
      assert.ok(existsSync(join(root, file)), `${file} is missing from the .vsix`);
    // vsce stores these under lower-case names.
    const top = readdirSync(root).map((name) => name.toLowerCase());
    for (const file of ['readme.md', 'changelog.md'])
      assert.ok(top.includes(file), `${file} is missing from the .vsix`);
    for (const dir of ['node_modules', 'client', 'server', 'test'])
      assert.ok(!existsSync(join(root, dir)), `${dir}/ should not be packaged`);
  });

  test('activates and underlines a draft', async () => {
    const draft = inWorkspace('drafts', 'clinic-landing-page.md');
    await openInEditor(draft);
    const api = await activateOverclaim();
    assert.equal(api.client.isRunning(), true);
    const diagnostics = await waitForDiagnostics(
      draft,
      (d) => hasRule('cure-claim')(d) && hasRule('approval-status')(d),
      'the clinic page findings',
    );
    assert.ok(diagnostics.length >= 5);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider',
      draft,
      diagnostics[0]!.range.start,
    );
    assert.ok(hovers.length > 0, 'the installed server answers hovers');
  });
});
