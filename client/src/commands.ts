/** The extension's commands. Each one asks the server or opens something; none runs workspace code. */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';

const DRAFTS = '**/*.{md,markdown,mdx,txt}';
const EXCLUDED = '**/{node_modules,.git,dist,out,.vscode-test}/**';
export const REPORT_GLOB = '**/overclaim-report.html';

interface LintFilesResult {
  files: number;
  errors: number;
  warnings: number;
  infos: number;
  skipped: { path: string; reason: string }[];
}

export function registerCommands(client: LanguageClient): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand('overclaim.restartServer', () => client.restart()),
    vscode.commands.registerCommand('overclaim.showProblems', () =>
      vscode.commands.executeCommand('workbench.actions.view.problems'),
    ),
    vscode.commands.registerCommand('overclaim.lintWorkspace', () => lintWorkspace(client)),
    vscode.commands.registerCommand('overclaim.showClaimBase', () => showClaimBase(client)),
    vscode.commands.registerCommand('overclaim.openReviewReport', openReviewReport),
  ];
}

async function lintWorkspace(client: LanguageClient): Promise<LintFilesResult> {
  const uris = await vscode.workspace.findFiles(DRAFTS, EXCLUDED);
  const paths = uris.filter((u) => u.scheme === 'file').map((u) => u.fsPath);
  const result = await vscode.window.withProgress(
    {
      location: vscode.ProgressLocation.Notification,
      title: 'overclaim: linting the workspace…',
      cancellable: false,
    },
    () => client.sendRequest<LintFilesResult>('overclaim/lintFiles', { paths }),
  );
  await vscode.commands.executeCommand('workbench.actions.view.problems');
  const skipped = result.skipped.length > 0 ? `, ${result.skipped.length} skipped` : '';
  void vscode.window.showInformationMessage(
    `overclaim: ${result.files} drafts checked — ${result.errors} errors, ${result.warnings} warnings${skipped}.`,
  );
  return result;
}

async function showClaimBase(client: LanguageClient): Promise<vscode.TextDocument> {
  // The active draft decides which project's claim base (shipped plus the project's files).
  const uri = vscode.window.activeTextEditor?.document.uri.toString();
  const content = await client.sendRequest<string>('overclaim/claimBase', { uri });
  const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content });
  await vscode.window.showTextDocument(doc, { preview: true });
  return doc;
}

/** Shows the newest `overclaim-report.html` (written by `overclaim --format html`) in a panel. */
async function openReviewReport(): Promise<vscode.WebviewPanel | undefined> {
  const found = await vscode.workspace.findFiles(REPORT_GLOB, EXCLUDED);
  if (found.length === 0) {
    void vscode.window.showInformationMessage(
      'overclaim: no review report yet. Write one with `npx overclaim --format html <drafts> > overclaim-report.html`.',
    );
    return undefined;
  }
  const stats = await Promise.all(
    found.map(async (uri) => ({ uri, stat: await vscode.workspace.fs.stat(uri) })),
  );
  const newest = stats.sort((a, b) => b.stat.mtime - a.stat.mtime)[0]!.uri;
  const html = new TextDecoder().decode(await vscode.workspace.fs.readFile(newest));
  const panel = vscode.window.createWebviewPanel(
    'overclaimReport',
    `Review report: ${vscode.workspace.asRelativePath(newest)}`,
    vscode.ViewColumn.Active,
    // The report is self-contained and needs no scripts; the policy keeps it that way.
    { enableScripts: false, localResourceRoots: [] },
  );
  panel.webview.html = withContentSecurityPolicy(html);
  return panel;
}

function withContentSecurityPolicy(html: string): string {
  const csp =
    '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; style-src \'unsafe-inline\'; img-src data:;">';
  return /<head[^>]*>/i.test(html)
    ? html.replace(/<head[^>]*>/i, (head) => `${head}${csp}`)
    : `${csp}${html}`;
}
