/** The current document's overclaim counts in the status bar; a click opens the Problems panel. */
import * as vscode from 'vscode';

const LANGUAGES = new Set(['markdown', 'mdx', 'plaintext']);

export class StatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem(vscode.StatusBarAlignment.Left, 50);
  private readonly subscriptions: vscode.Disposable[];

  constructor() {
    this.item.name = 'overclaim';
    this.item.command = 'overclaim.showProblems';
    this.subscriptions = [
      vscode.languages.onDidChangeDiagnostics(() => this.update()),
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
    ];
    this.update();
  }

  private update(): void {
    const doc = vscode.window.activeTextEditor?.document;
    if (!doc || !LANGUAGES.has(doc.languageId)) {
      this.item.hide();
      return;
    }
    const mine = vscode.languages.getDiagnostics(doc.uri).filter((d) => d.source === 'overclaim');
    const errors = mine.filter((d) => d.severity === vscode.DiagnosticSeverity.Error).length;
    const warnings = mine.filter((d) => d.severity === vscode.DiagnosticSeverity.Warning).length;
    this.item.text = `$(error) ${errors} $(warning) ${warnings} overclaim`;
    this.item.tooltip = `overclaim: ${errors} error(s), ${warnings} warning(s), ${mine.length - errors - warnings} note(s) in this document`;
    this.item.show();
  }

  dispose(): void {
    this.item.dispose();
    for (const s of this.subscriptions) s.dispose();
  }
}
