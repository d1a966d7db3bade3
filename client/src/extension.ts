/**
 * The VS Code extension: starts the bundled language server (node IPC) and adds what only the
 * editor can do — commands, a status-bar count, the review report. All analysis is the server's.
 */
import type * as vscode from 'vscode';
import {
  LanguageClient,
  TransportKind,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { SERVER_NODE_FLAGS } from '../../server/src/lsp/node-flags.ts';
import { registerCommands } from './commands.ts';
import { StatusBar } from './status-bar.ts';

/** What `activate` returns: the running client, for tests and for other extensions. */
export interface OverclaimApi {
  client: LanguageClient;
  /** Resolves when the server has answered `initialize`. */
  ready: Promise<void>;
}

export const DOCUMENT_SELECTOR = [
  { scheme: 'file', language: 'markdown' },
  { scheme: 'untitled', language: 'markdown' },
  { scheme: 'file', language: 'mdx' },
  { scheme: 'untitled', language: 'mdx' },
  { scheme: 'file', language: 'plaintext' },
  { scheme: 'untitled', language: 'plaintext' },
];

export function activate(context: vscode.ExtensionContext): OverclaimApi {
  const serverModule = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: {
      module: serverModule,
      transport: TransportKind.ipc,
      options: { execArgv: [...SERVER_NODE_FLAGS] },
    },
    debug: {
      module: serverModule,
      transport: TransportKind.ipc,
      options: { execArgv: [...SERVER_NODE_FLAGS, '--nolazy', '--inspect=6019'] },
    },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: DOCUMENT_SELECTOR,
    synchronize: { configurationSection: 'overclaim' },
    diagnosticCollectionName: 'overclaim',
  };
  const client = new LanguageClient('overclaim', 'overclaim', serverOptions, clientOptions);
  const ready = client.start();
  context.subscriptions.push(client, new StatusBar(), ...registerCommands(client));
  return { client, ready };
}

export function deactivate(): Promise<void> | undefined {
  return undefined;
}
