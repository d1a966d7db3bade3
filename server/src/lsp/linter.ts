/**
 * Lints open documents and remembers each result with the version it belongs to. Changes are
 * coalesced: a lint runs on a fresh macrotask, so a burst of keystrokes already queued is
 * absorbed and only the newest text is linted; slow documents wait a little longer. Each open
 * document keeps an IncrementalLinter, which re-parses only the blocks an edit touched and gives
 * exactly what a full lint would.
 */
import { fileURLToPath } from 'node:url';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { IncrementalLinter } from '../engine/incremental.ts';
import { languageFromPath, type Language } from '../engine/parse.ts';
import type { EditorLintResult } from '../engine/types.ts';
import type { ProjectConfigs, ResolvedConfig } from './project-config.ts';
import type { EditorSettings } from './settings.ts';

export interface DocumentState {
  uri: string;
  version: number;
  result?: EditorLintResult;
  /** Why the document was not linted (too large, disabled). */
  skipped?: string;
  resolved?: ResolvedConfig;
}

export interface LinterHost {
  configs: ProjectConfigs;
  settingsFor(uri: string): Promise<EditorSettings>;
  publish(doc: TextDocument, state: DocumentState): void;
  logError(message: string): void;
}

export class DocumentLinter {
  private readonly states = new Map<string, DocumentState>();
  /** Cancels the lint due per document. */
  private readonly timers = new Map<string, () => void>();
  /** Changes seen per document, to tell whether the connection is still catching up. */
  private readonly changes = new Map<string, number>();
  private readonly cost = new Map<string, number>();
  private readonly engines = new Map<string, IncrementalLinter>();
  private readonly latest = new Map<string, TextDocument>();

  constructor(
    private readonly host: LinterHost,
    private readonly open: (uri: string) => boolean,
  ) {}

  state(uri: string): DocumentState | undefined {
    return this.states.get(uri);
  }

  schedule(doc: TextDocument): void {
    this.latest.set(doc.uri, doc);
    this.changes.set(doc.uri, (this.changes.get(doc.uri) ?? 0) + 1);
    // A lint already due reads the newest text when it runs. Not postponing it keeps a writer
    // who types faster than a slow lint from waiting until they pause (a throttle, not a
    // debounce).
    if (this.timers.has(doc.uri)) return;
    // Fast documents are linted at once; a slow one waits about as long as its last lint took,
    // so typing is not queued behind work that the next keystroke makes obsolete.
    const last = this.cost.get(doc.uri) ?? 0;
    // Not setTimeout(0): a timer waits at least 1 ms, a tenth of the budget for a keystroke.
    if (last < 50) {
      const next = setImmediate(() => this.whenCaughtUp(doc.uri, 0));
      this.timers.set(doc.uri, () => clearImmediate(next));
    } else {
      const timer = setTimeout(() => this.whenCaughtUp(doc.uri, 0), Math.min(last, 300));
      this.timers.set(doc.uri, () => clearTimeout(timer));
    }
  }

  /**
   * Lints once the connection has applied the changes it already holds. It handles one queued
   * message per turn of the event loop, so after a long lint, a pause for garbage collection or
   * a burst from the client, several changes wait in its queue; linting after each of them
   * answers them one lint at a time. This check runs a turn later than the message handled
   * last: while a change to the document came in meanwhile, it waits one more turn.
   */
  private whenCaughtUp(uri: string, turns: number): void {
    const seen = this.changes.get(uri);
    const next = setImmediate(() => {
      // Bounded, so a client that never stops sending still gets diagnostics.
      if (this.changes.get(uri) !== seen && turns < 100) return this.whenCaughtUp(uri, turns + 1);
      this.timers.delete(uri);
      const doc = this.latest.get(uri);
      if (doc) void this.lintNow(doc);
    });
    this.timers.set(uri, () => clearImmediate(next));
  }

  async lintNow(doc: TextDocument): Promise<void> {
    const settings = await this.host.settingsFor(doc.uri);
    if (!this.open(doc.uri)) return;
    // Text and version are read together after the await, so the result is never stale.
    const state = this.lintText(doc, settings);
    this.states.set(doc.uri, state);
    this.host.publish(doc, state);
  }

  forget(uri: string): void {
    this.timers.get(uri)?.();
    this.timers.delete(uri);
    this.changes.delete(uri);
    this.states.delete(uri);
    this.cost.delete(uri);
    this.engines.delete(uri);
    this.latest.delete(uri);
  }

  private engine(uri: string): IncrementalLinter {
    let engine = this.engines.get(uri);
    if (!engine) this.engines.set(uri, (engine = new IncrementalLinter()));
    return engine;
  }

  private lintText(doc: TextDocument, settings: EditorSettings): DocumentState {
    const base = { uri: doc.uri, version: doc.version };
    if (!settings.enable) {
      this.engines.delete(doc.uri);
      return { ...base, skipped: 'overclaim is disabled (overclaim.enable)' };
    }
    const text = doc.getText();
    if (text.length > settings.maxDocumentSize) {
      this.engines.delete(doc.uri);
      return {
        ...base,
        skipped: `overclaim skipped this document: ${text.length.toLocaleString('en')} characters is over the limit of ${settings.maxDocumentSize.toLocaleString('en')} (overclaim.maxDocumentSize)`,
      };
    }
    const path = pathOf(doc.uri);
    const resolved = this.host.configs.resolve(path, settings);
    // The first lint of a document parses all of it; the edits after it cost a fraction, so it
    // must not set the pace (it held the first keystrokes back by as long as it took).
    const first = !this.engines.has(doc.uri);
    const started = performance.now();
    try {
      const result = this.engine(doc.uri).lint(text, {
        claimBase: resolved.claimBase,
        config: resolved.config,
        path,
        language: languageOf(doc),
      });
      return { ...base, result, resolved };
    } catch (error) {
      // The engine is tested never to throw; if it does, say so, start afresh and keep serving.
      this.engines.delete(doc.uri);
      this.host.logError(
        `overclaim could not lint ${doc.uri}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      );
      return {
        ...base,
        skipped: 'overclaim hit an internal error on this document (see the output log)',
      };
    } finally {
      if (first) this.cost.delete(doc.uri);
      else this.cost.set(doc.uri, performance.now() - started);
    }
  }
}

export function pathOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

export function languageOf(doc: TextDocument): Language {
  switch (doc.languageId) {
    case 'mdx':
      return 'mdx';
    case 'plaintext':
      return 'text';
    case 'markdown':
      return 'markdown';
    default:
      return languageFromPath(pathOf(doc.uri) ?? doc.uri);
  }
}
