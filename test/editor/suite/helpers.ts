/**
 * Shared helpers for the in-editor suites. Everything waits for an editor event (or a file
 * event) with a deadline; nothing sleeps for a fixed time.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { OverclaimApi } from '../../../client/src/extension.ts';

export const EXTENSION_ID = 'overclaim.overclaim';
export const DEFAULT_WAIT_MS = 20_000;

export async function activateOverclaim(): Promise<OverclaimApi> {
  const extension = vscode.extensions.getExtension<OverclaimApi>(EXTENSION_ID);
  assert.ok(extension, `extension ${EXTENSION_ID} is not installed`);
  const api = await extension.activate();
  await withTimeout(api.ready, DEFAULT_WAIT_MS, 'the language server to answer initialize');
  return api;
}

export function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the test run needs a workspace folder');
  return folder.uri;
}

export function inWorkspace(...segments: string[]): vscode.Uri {
  return vscode.Uri.joinPath(workspaceRoot(), ...segments);
}

export async function writeFile(uri: vscode.Uri, text: string): Promise<vscode.Uri> {
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  return uri;
}

export async function openInEditor(uri: vscode.Uri): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(uri);
  return vscode.window.showTextDocument(doc, { preview: false });
}

/** The rule id of one of our diagnostics (the client turns code + href into `{ value, target }`). */
export function ruleOf(diagnostic: vscode.Diagnostic): string | undefined {
  const code = diagnostic.code;
  if (code === undefined) return undefined;
  return typeof code === 'object' ? String(code.value) : String(code);
}

export function overclaimDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'overclaim');
}

export function rulesIn(diagnostics: readonly vscode.Diagnostic[]): string[] {
  return [...new Set(diagnostics.map(ruleOf).filter((r): r is string => r !== undefined))].sort();
}

/**
 * Resolves with the document's overclaim diagnostics as soon as `accept` likes them — now, or
 * after a later diagnostics event — and fails with what was last seen when the deadline passes.
 */
export function waitForDiagnostics(
  uri: vscode.Uri,
  accept: (diagnostics: vscode.Diagnostic[]) => boolean,
  what: string,
  ms = DEFAULT_WAIT_MS,
): Promise<vscode.Diagnostic[]> {
  const now = overclaimDiagnostics(uri);
  if (accept(now)) return Promise.resolve(now);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      subscription.dispose();
      const seen = rulesIn(overclaimDiagnostics(uri)).join(', ') || 'none';
      reject(new Error(`timed out after ${ms} ms waiting for ${what} (rules seen: ${seen})`));
    }, ms);
    const subscription = vscode.languages.onDidChangeDiagnostics((event) => {
      if (!event.uris.some((u) => u.toString() === uri.toString())) return;
      const diagnostics = overclaimDiagnostics(uri);
      if (!accept(diagnostics)) return;
      clearTimeout(timer);
      subscription.dispose();
      resolve(diagnostics);
    });
  });
}

export const hasRule = (rule: string) => (diagnostics: vscode.Diagnostic[]) =>
  diagnostics.some((d) => ruleOf(d) === rule);

export const lacksRule = (rule: string) => (diagnostics: vscode.Diagnostic[]) =>
  diagnostics.length > 0 && !diagnostics.some((d) => ruleOf(d) === rule);

export function withTimeout<T>(promise: PromiseLike<T>, ms: number, what: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)),
      ms,
    );
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

/** The first occurrence of `text` in the document, as a range. */
export function rangeOf(doc: vscode.TextDocument, text: string): vscode.Range {
  const offset = doc.getText().indexOf(text);
  assert.ok(offset >= 0, `"${text}" is not in ${doc.uri.path}`);
  return new vscode.Range(doc.positionAt(offset), doc.positionAt(offset + text.length));
}

/** Closes every editor so each suite starts from the same window. */
export async function closeAllEditors(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}
