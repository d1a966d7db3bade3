/**
 * Gives memory back when the writer pauses. Every edit of a long document leaves garbage — the
 * previous copy of its text, the last lint's findings and diagnostics — that V8 collects only
 * once the heap has grown by a margin, so after a burst of typing the server could sit at twice
 * the memory it needs for as long as the editor stayed open. An editor is idle most of the time,
 * so once the writer pauses the server collects twice:
 *
 * 1. `QUIET_MS` after its last lint: a full collection frees the garbage.
 * 2. `SETTLE_MS` later, if still quiet: another. V8 shrinks its young generation (grown to
 *    2 × 16 MB while typing, empty but still resident) only in a full collection that follows
 *    about five seconds of little allocation, and nothing else would make one happen.
 *
 * On the benchmark's 1 MB document: 210–360 MB resident at the last keystroke, ~160 MB after
 * the first step, ~130 MB after the second. Typing again cancels what is pending.
 *
 * Full collections need `gc`, which Node only exposes under `--expose-gc`; the VS Code extension
 * starts the server with it (node-flags.ts). Without it, nothing happens.
 */

/** How long after the last lint the server counts as idle. */
export const QUIET_MS = 2000;
/** V8 measures allocation over the last 5 s: a second of margin. */
export const SETTLE_MS = 6000;

export class IdleCollection {
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly collect: (() => void) | undefined,
    private readonly delays: readonly number[] = [QUIET_MS, SETTLE_MS],
  ) {}

  /** After each lint: start the steps again from the first. */
  afterWork(): void {
    clearTimeout(this.timer);
    this.schedule(0);
  }

  private schedule(step: number): void {
    const collect = this.collect;
    const delay = this.delays[step];
    if (!collect || delay === undefined) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      collect();
      this.schedule(step + 1);
    }, delay);
    // A pending collection must not keep a server that is shutting down alive.
    this.timer.unref?.();
  }
}

/** The full collection Node exposes under `--expose-gc`, or undefined. */
export function exposedCollector(): (() => void) | undefined {
  const gc = (globalThis as { gc?: unknown }).gc;
  return typeof gc === 'function' ? (gc as () => void) : undefined;
}
