/**
 * What the launcher tells the suite. Launchers lay out a temporary root as
 * `<root>/workspace` (the folder VS Code opens) and `<root>/harness.json`; the suite finds the
 * file beside its workspace, so no environment variable has to cross into the extension host.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import * as vscode from 'vscode';

export interface Harness {
  /** Which launcher is running the suite, for messages. */
  launcher?: string;
  /** Only run tests whose full title matches this pattern. */
  grep?: string;
  /** A folder where a browser-side driver answers UI requests (code-server launcher only). */
  uiDriverDir?: string;
  /** Where the packaged extension was installed (packaged mode only). */
  extensionsDir?: string;
}

export function readHarness(): Harness {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder || folder.uri.scheme !== 'file') return {};
  const file = join(dirname(folder.uri.fsPath), 'harness.json');
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Harness) : {};
}
