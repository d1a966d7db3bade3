/**
 * Gives memory back when the writer pauses. Every edit of a long document leaves garbage — the
 * previous copy of its text, the last lint's findings and diagnostics — that V8 collects only
 * once the heap has grown by a margin, so after a burst of typing the server can sit at twice
 * the memory it needs for as long as the editor stays open. An editor is idle most of the time:
 * after a quiet spell with no lint, one full collection returns it (the benchmark's 1 MB
 * document: 210–360 MB resident at the last keystroke, ~160 MB after the pause).
 *
 * Full collections need `gc`, which Node only exposes under `--expose-gc`; the VS Code extension
 * starts the server with it (node-flags.ts). Without it, nothing happens.
 */

/** How long after the last lint the server counts as idle. */
export const QUIET_MS = 2000;

export class IdleCollection {
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly collect: (() => void) | undefined,
    private readonly quietMs = QUIET_MS,
  ) {}

  /** After each lint: collect once the server has been quiet for `quietMs`. */
  afterWork(): void {
    const collect = this.collect;
    if (!collect) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      collect();
    }, this.quietMs);
    // A pending collection must not keep a server that is shutting down alive.
    this.timer.unref?.();
  }
}

/**
 * The full collection Node exposes under `--expose-gc`, or undefined. Twice: the first frees
 * the garbage, the second compacts the pages it left half empty so they go back to the system.
 */
export function exposedCollector(): (() => void) | undefined {
  const gc = (globalThis as { gc?: unknown }).gc;
  if (typeof gc !== 'function') return undefined;
  const collectOnce = gc as () => void;
  return () => {
    collectOnce();
    collectOnce();
  };
}
