/**
 * Editor latency: drives the bundled language server over stdio as an editor would. Opens one
 * document, types single characters at typing pace (30–60 ms apart, not waiting for answers),
 * and times each didChange to the first publishDiagnostics whose version covers it. A server
 * that skips versions (debouncing) is charged the full wait until the user sees fresh results.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createMessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-jsonrpc/node';
import { QUIET_MS, SETTLE_MS } from '../server/src/lsp/idle-collection.ts';
import { SERVER_NODE_FLAGS } from '../server/src/lsp/node-flags.ts';
import { Random } from './corpus/random.ts';
import { stats } from './measure.ts';
import type { LatencyResult } from './report.ts';

export interface LatencyOptions {
  serverPath: string;
  file: string;
  cwd: string;
  edits: number;
  seed: number;
  /** Longest wait for one answer before the run is declared failed. */
  timeoutMs?: number;
}

interface PublishParams {
  uri: string;
  version?: number;
  diagnostics: unknown[];
}

/** What the writer types: an overclaim, so diagnostics really change while typing. */
const TYPED = ' Ketamine works for everyone and cures depression for good.';

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

function memoryOf(pid: number): { rss: number | null; peak: number | null } {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string): number | null => {
      const m = new RegExp(`${field}:\\s+(\\d+) kB`).exec(status);
      return m ? Number(m[1]) / 1024 : null;
    };
    return { rss: kb('VmRSS'), peak: kb('VmHWM') };
  } catch {
    return { rss: null, peak: null };
  }
}

/** The end of a prose line near the middle of the document: where the writer types. */
function typingPoint(text: string): { line: number; character: number } {
  const lines = text.split('\n');
  for (let i = Math.floor(lines.length / 2); i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (/^[A-Z][a-z]/.test(line) && line.endsWith('.')) return { line: i, character: line.length };
  }
  const last = lines.length - 1;
  return { line: last, character: (lines[last] ?? '').length };
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

export async function measureLatency(options: LatencyOptions): Promise<LatencyResult> {
  const timeoutMs = options.timeoutMs ?? 30000;
  const path = resolve(options.cwd, options.file);
  const uri = pathToFileURL(path).href;
  let text = readFileSync(path, 'utf8');
  // Started as the VS Code extension starts it, with its Node flags.
  const server = spawn(process.execPath, [...SERVER_NODE_FLAGS, options.serverPath, '--stdio'], {
    cwd: options.cwd,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stderr = '';
  server.stderr.on('data', (c: Buffer) => {
    if (stderr.length < 4000) stderr += c.toString();
  });
  const exited = new Promise<void>((r) => server.on('exit', () => r()));
  const connection = createMessageConnection(
    new StreamMessageReader(server.stdout),
    new StreamMessageWriter(server.stdin),
  );
  // Answer what a minimal editor answers: no settings (defaults), accept registrations.
  connection.onRequest((method: string, params: unknown) =>
    method === 'workspace/configuration'
      ? ((params as { items?: unknown[] }).items ?? []).map(() => null)
      : null,
  );
  connection.onNotification(() => undefined);

  const sentAt = new Map<number, number>();
  const latencies: number[] = [];
  const latencyOf = new Map<number, number>();
  let ownVersion = 0;
  let opened = 0;
  let firstDiagnosticsMs = NaN;
  let highestAnswered = 0;
  let notify: (() => void) | undefined;
  connection.onNotification('textDocument/publishDiagnostics', (params: PublishParams) => {
    if (params.uri !== uri) return;
    const now = performance.now();
    if (Number.isNaN(firstDiagnosticsMs)) firstDiagnosticsMs = now - opened;
    // Without a version, a publish can only be assumed to cover everything sent so far.
    const version = params.version ?? Math.max(0, ...sentAt.keys());
    if (sentAt.has(version)) ownVersion++;
    for (const [v, at] of sentAt) {
      if (v > version) continue;
      latencies.push(now - at);
      latencyOf.set(v, now - at);
      sentAt.delete(v);
    }
    highestAnswered = Math.max(highestAnswered, version);
    notify?.();
  });
  const answered = async (version: number, what: string): Promise<void> => {
    const deadline = performance.now() + timeoutMs;
    while (highestAnswered < version) {
      const left = deadline - performance.now();
      if (left <= 0)
        throw new Error(`no diagnostics for ${what} within ${timeoutMs} ms\n${stderr}`);
      await new Promise<void>((r) => {
        notify = r;
        setTimeout(r, Math.min(left, 100));
      });
    }
  };
  connection.listen();

  try {
    interface InitializeResult {
      capabilities: { textDocumentSync?: number | { change?: number } };
    }
    const init = await connection.sendRequest<InitializeResult>('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(options.cwd).href,
      workspaceFolders: [{ uri: pathToFileURL(options.cwd).href, name: 'bench' }],
      capabilities: {
        textDocument: {
          synchronization: { dynamicRegistration: false },
          publishDiagnostics: {
            versionSupport: true,
            codeDescriptionSupport: true,
            dataSupport: true,
          },
        },
        workspace: { configuration: true, workspaceFolders: true },
      },
    });
    const sync = init.capabilities.textDocumentSync;
    const syncKind = typeof sync === 'number' ? sync : (sync?.change ?? 1);
    await connection.sendNotification('initialized', {});

    opened = performance.now();
    await connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'markdown', version: 1, text },
    });
    await answered(1, 'didOpen');

    const random = new Random(options.seed);
    const at = typingPoint(text);
    const lines = text.split('\n');
    let version = 1;
    for (let i = 0; i < options.edits; i++) {
      const ch = TYPED[i % TYPED.length] ?? ' ';
      const position = { line: at.line, character: at.character + i };
      lines[at.line] = `${lines[at.line] ?? ''}${ch}`;
      version++;
      const change =
        syncKind === 2
          ? { range: { start: position, end: position }, text: ch }
          : { text: (text = lines.join('\n')) };
      sentAt.set(version, performance.now());
      await connection.sendNotification('textDocument/didChange', {
        textDocument: { uri, version },
        contentChanges: [change],
      });
      await sleep(random.int(30, 60));
    }
    await answered(version, `edit ${version}`);
    const memory = memoryOf(server.pid ?? -1);
    // And once the writer has paused: the server collects QUIET_MS after its last lint and
    // again SETTLE_MS later; freed pages take a moment to leave the resident set.
    await sleep(QUIET_MS + SETTLE_MS + 1500);
    const idle = memoryOf(server.pid ?? -1);
    const sorted = [...latencies].sort((a, b) => a - b);
    return {
      document: options.file,
      bytes: Buffer.byteLength(readFileSync(path)),
      words: readFileSync(path, 'utf8').split(/\s+/).filter(Boolean).length,
      firstDiagnosticsMs,
      edits: options.edits,
      editsAnsweredByOwnVersion: ownVersion,
      latencyMs: { ...stats(latencies), p95: percentile(sorted, 95) },
      settleMs: latencyOf.get(version) ?? NaN,
      serverRssMb: memory.rss,
      serverPeakRssMb: memory.peak,
      serverIdleRssMb: idle.rss,
      syncKind,
    };
  } finally {
    await Promise.race([
      (async () => {
        await connection.sendRequest('shutdown');
        await connection.sendNotification('exit');
        await exited;
      })().catch(() => undefined),
      sleep(2000),
    ]);
    connection.dispose();
    if (server.exitCode === null) server.kill();
  }
}
