#!/usr/bin/env node
/**
 * `overclaim-language-server`: the language server over stdio (`--stdio`), node IPC
 * (`--node-ipc`) or a socket (`--socket=<port>`), as the client chooses.
 */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { SERVER_VERSION, startServer } from './server.ts';

const args = process.argv.slice(2);
if (args.includes('--version') || args.includes('-v')) {
  process.stdout.write(`${SERVER_VERSION}\n`);
} else if (args.includes('--help') || args.includes('-h')) {
  process.stdout.write(
    'Usage: overclaim-language-server --stdio | --node-ipc | --socket=<port>\n\n' +
      'The overclaim language server. Start it from an editor’s LSP client.\n',
  );
} else if (
  !args.some(
    (a) =>
      a === '--stdio' || a === '--node-ipc' || a.startsWith('--socket') || a.startsWith('--pipe'),
  )
) {
  process.stderr.write(
    'overclaim-language-server: choose a transport: --stdio, --node-ipc or --socket=<port>\n',
  );
  process.exitCode = 2;
} else {
  startServer(createConnection(ProposedFeatures.all));
}
