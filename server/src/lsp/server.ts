/**
 * The language server: wires the protocol to the document linter and the features. Everything
 * reaches the client as protocol messages; nothing is printed to stdout.
 */
import {
  DidChangeWatchedFilesNotification,
  DiagnosticSeverity,
  TextDocumentSyncKind,
  TextDocuments,
  type ClientCapabilities,
  type Connection,
  type Diagnostic,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { pathToFileURL } from 'node:url';
import { CONFIG_NAMES } from '../node/config-loader.ts';
import { codeActions, FIX_ALL_KIND, hover, summaryLens } from './features.ts';
import { DocumentLinter, pathOf, type DocumentState } from './linter.ts';
import { ProjectConfigs, type FileProblem } from './project-config.ts';
import { exposedCollector, IdleCollection } from './idle-collection.ts';
import { findingToDiagnostic, noticeToDiagnostic, SOURCE } from './protocol.ts';
import { defaultEditorSettings, readEditorSettings, type EditorSettings } from './settings.ts';
import { workspaceRequests } from './workspace-requests.ts';

declare const OVERCLAIM_VERSION: string;
export const SERVER_VERSION =
  typeof OVERCLAIM_VERSION === 'string' ? OVERCLAIM_VERSION : '0.0.0-dev';

export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const configs = new ProjectConfigs();
  const settingsCache = new Map<string, Promise<EditorSettings>>();
  let capabilities: ClientCapabilities = {};
  /** What was last published per config or claim-base file, so each keystroke sends nothing new. */
  const configPublished = new Map<string, string>();
  const idle = new IdleCollection(exposedCollector());

  const supports = {
    configuration: () => capabilities.workspace?.configuration === true,
    lensRefresh: () => capabilities.workspace?.codeLens?.refreshSupport === true,
    dynamicWatch: () => capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true,
  };

  function settingsFor(uri: string): Promise<EditorSettings> {
    if (!supports.configuration()) return Promise.resolve(globalSettings);
    let pending = settingsCache.get(uri);
    if (!pending) {
      pending = connection.workspace
        .getConfiguration({ scopeUri: uri, section: 'overclaim' })
        .then(readEditorSettings, () => defaultEditorSettings);
      settingsCache.set(uri, pending);
    }
    return pending;
  }
  let globalSettings = defaultEditorSettings;

  const linter = new DocumentLinter(
    {
      configs,
      settingsFor,
      publish,
      logError: (message) => connection.console.error(message),
    },
    (uri) => documents.get(uri) !== undefined,
  );

  function publish(doc: TextDocument, state: DocumentState): void {
    const diagnostics: Diagnostic[] = state.result
      ? [
          ...state.result.findings.map((f, i) => findingToDiagnostic(doc, f, i)),
          ...state.result.notices.map((n) => noticeToDiagnostic(doc, n)),
        ]
      : state.skipped
        ? [skippedDiagnostic(state.skipped)]
        : [];
    void connection.sendDiagnostics({ uri: doc.uri, version: doc.version, diagnostics });
    publishConfigProblems();
    refreshLenses();
    idle.afterWork();
  }

  let lensRefreshQueued = false;
  function refreshLenses(): void {
    if (!supports.lensRefresh() || lensRefreshQueued) return;
    lensRefreshQueued = true;
    setTimeout(() => {
      lensRefreshQueued = false;
      connection.sendRequest('workspace/codeLens/refresh').catch(() => undefined);
    }, 50);
  }

  /** A broken config or claim-base file gets its own diagnostics; fixed ones are cleared. */
  function publishConfigProblems(): void {
    const now = new Map<string, Diagnostic[]>();
    for (const [file, problems] of configs.problems)
      now.set(pathToFileURL(file).href, problems.map(problemDiagnostic));
    for (const uri of configPublished.keys()) if (!now.has(uri)) now.set(uri, []);
    for (const [uri, diagnostics] of now) {
      const key = JSON.stringify(diagnostics);
      if (configPublished.get(uri) === key) continue;
      void connection.sendDiagnostics({ uri, diagnostics });
      if (diagnostics.length > 0) configPublished.set(uri, key);
      else configPublished.delete(uri);
    }
  }

  function relintAll(): void {
    for (const doc of documents.all()) linter.schedule(doc);
  }

  connection.onInitialize((params): InitializeResult => {
    capabilities = params.capabilities;
    const options = params.initializationOptions as { settings?: unknown } | undefined;
    globalSettings = readEditorSettings(options?.settings);
    return {
      capabilities: {
        textDocumentSync: {
          openClose: true,
          change: TextDocumentSyncKind.Incremental,
          save: false,
        },
        hoverProvider: true,
        codeActionProvider: {
          codeActionKinds: ['quickfix', FIX_ALL_KIND],
          resolveProvider: false,
        },
        codeLensProvider: { resolveProvider: false },
        workspace: { workspaceFolders: { supported: true, changeNotifications: false } },
      },
      serverInfo: { name: 'overclaim-language-server', version: SERVER_VERSION },
    };
  });

  connection.onInitialized(() => {
    if (supports.dynamicWatch()) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: [
          { globPattern: `**/{${CONFIG_NAMES.join(',')}}` },
          { globPattern: '**/*.{yaml,yml,json}' },
        ],
      });
    }
  });

  connection.onDidChangeConfiguration((change) => {
    settingsCache.clear();
    if (!supports.configuration()) {
      const settings = (change.settings as { overclaim?: unknown } | null | undefined)?.overclaim;
      globalSettings = readEditorSettings(settings);
    }
    relintAll();
  });

  connection.onDidChangeWatchedFiles(({ changes }) => {
    let relevant = false;
    for (const change of changes) {
      const path = pathOf(change.uri);
      if (path && configs.fileChanged(path)) relevant = true;
    }
    if (relevant) relintAll();
  });

  // Fires on open too; a document never linted before is linted on the next tick.
  documents.onDidChangeContent(({ document }) => linter.schedule(document));
  documents.onDidClose(({ document }) => {
    linter.forget(document.uri);
    settingsCache.delete(document.uri);
    void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
  });

  connection.onHover(({ textDocument, position }) => {
    const doc = documents.get(textDocument.uri);
    return doc ? hover(doc, linter.state(doc.uri), position) : null;
  });
  connection.onCodeLens(({ textDocument }) => {
    const doc = documents.get(textDocument.uri);
    return doc ? summaryLens(doc, linter.state(doc.uri)) : [];
  });
  connection.onCodeAction(({ textDocument, context }) => {
    const doc = documents.get(textDocument.uri);
    return doc ? codeActions(doc, linter.state(doc.uri), context.diagnostics, context.only) : [];
  });

  workspaceRequests(connection, {
    configs,
    settingsFor,
    isOpen: (uri) => documents.get(uri) !== undefined,
  });

  documents.listen(connection);
  connection.listen();
}

function skippedDiagnostic(message: string): Diagnostic {
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: DiagnosticSeverity.Information,
    source: SOURCE,
    message,
  };
}

function problemDiagnostic(p: FileProblem): Diagnostic {
  const line = Math.max(0, (p.line ?? 1) - 1);
  return {
    range: { start: { line, character: 0 }, end: { line: line + 1, character: 0 } },
    severity: DiagnosticSeverity.Error,
    source: SOURCE,
    code: 'config',
    message: p.message,
  };
}
