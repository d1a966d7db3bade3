// A minimal LSP client for tests and the benchmark: spawns the bundled server, answers the
// requests a real editor answers, and lets a test wait for the diagnostics it expects.
import { spawn, fork } from 'node:child_process';
import { join } from 'node:path';
import {
  createMessageConnection,
  IPCMessageReader,
  IPCMessageWriter,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-jsonrpc/node';

export const SERVER = join(import.meta.dirname, '..', '..', 'dist', 'server.js');

export const CLIENT_CAPABILITIES = {
  workspace: {
    configuration: true,
    didChangeConfiguration: { dynamicRegistration: true },
    didChangeWatchedFiles: { dynamicRegistration: true },
    codeLens: { refreshSupport: true },
    workspaceEdit: { documentChanges: true },
  },
  textDocument: {
    synchronization: { didSave: false },
    publishDiagnostics: { versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
    hover: { contentFormat: ['markdown', 'plaintext'] },
    codeAction: {
      codeActionLiteralSupport: {
        codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] },
      },
      isPreferredSupport: true,
      dataSupport: true,
    },
    codeLens: {},
  },
};

const running = new Set();

/** Kills every server still running: a failed test must not leave one keeping the run alive. */
export function killAll() {
  for (const child of running) child.kill();
  running.clear();
}

export class TestClient {
  /** Everything the server published, in order. */
  published = [];
  /** What workspace/configuration answers for the `overclaim` section. */
  settings = {};
  registrations = [];
  lensRefreshes = 0;
  stderr = '';
  #waiters = [];

  /** `nodeFlags`: Node options to start the server with (the VS Code extension passes some). */
  constructor({ transport = 'stdio', cwd, nodeFlags = [] } = {}) {
    if (transport === 'ipc') {
      this.process = fork(SERVER, ['--node-ipc'], {
        cwd,
        execArgv: nodeFlags,
        stdio: ['pipe', 'pipe', 'pipe', 'ipc'],
      });
      this.connection = createMessageConnection(
        new IPCMessageReader(this.process),
        new IPCMessageWriter(this.process),
      );
    } else {
      this.process = spawn(process.execPath, [...nodeFlags, SERVER, '--stdio'], { cwd });
      this.connection = createMessageConnection(
        new StreamMessageReader(this.process.stdout),
        new StreamMessageWriter(this.process.stdin),
      );
    }
    running.add(this.process);
    this.process.on('exit', () => running.delete(this.process));
    this.process.stderr.on('data', (d) => (this.stderr += d));
    this.exited = new Promise((resolve) => this.process.on('exit', (code) => resolve(code)));
    this.connection.onNotification('textDocument/publishDiagnostics', (params) => {
      this.published.push(params);
      this.#waiters = this.#waiters.filter((w) => !w(params));
    });
    this.connection.onRequest('workspace/configuration', (params) =>
      params.items.map((item) => (item.section === 'overclaim' ? this.settings : null)),
    );
    this.connection.onRequest('client/registerCapability', (params) => {
      this.registrations.push(...params.registrations);
      return null;
    });
    this.connection.onRequest('workspace/codeLens/refresh', () => {
      this.lensRefreshes++;
      return null;
    });
    this.connection.onNotification('window/logMessage', () => undefined);
    this.connection.listen();
  }

  async initialize(rootUri = null, initializationOptions) {
    const result = await this.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri,
      capabilities: CLIENT_CAPABILITIES,
      initializationOptions,
      workspaceFolders: null,
    });
    await this.connection.sendNotification('initialized', {});
    return result;
  }

  /** Resolves with the first publication for `uri` that satisfies `accept` (past or future). */
  diagnostics(uri, accept = () => true, timeoutMs = 20_000) {
    const seen = this.published.find((p) => p.uri === uri && accept(p));
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`no matching diagnostics for ${uri} within ${timeoutMs} ms`)),
        timeoutMs,
      );
      this.#waiters.push((p) => {
        if (p.uri !== uri || !accept(p)) return false;
        clearTimeout(timer);
        resolve(p);
        return true;
      });
    });
  }

  /** The next publication for `uri` from now on. */
  nextDiagnostics(uri, accept = () => true, timeoutMs) {
    const after = this.published.length;
    return this.diagnostics(uri, (p) => this.published.indexOf(p) >= after && accept(p), timeoutMs);
  }

  open(uri, text, languageId = 'markdown', version = 1) {
    return this.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId, version, text },
    });
  }

  change(uri, version, contentChanges) {
    return this.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges,
    });
  }

  close(uri) {
    return this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  request(method, params) {
    return this.connection.sendRequest(method, params);
  }

  notify(method, params) {
    return this.connection.sendNotification(method, params);
  }

  async shutdown() {
    await this.connection.sendRequest('shutdown');
    await this.connection.sendNotification('exit');
    const code = await this.exited;
    this.connection.dispose();
    return code;
  }
}

/** Applies LSP text edits (line/character) to a string, as an editor would. */
export function applyTextEdits(text, edits) {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
  const offset = ({ line, character }) => (lineStarts[line] ?? text.length) + character;
  const sorted = [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start));
  for (const e of sorted)
    text = text.slice(0, offset(e.range.start)) + e.newText + text.slice(offset(e.range.end));
  return text;
}
