/**
 * "overclaim: 120/800 files" on stderr for long runs on a terminal. It appears only after a
 * delay, redraws at most a few times a second, and erases itself when the run ends, so short
 * runs, pipes and CI logs never see it.
 */
export interface ProgressOptions {
  total: number;
  write: (text: string) => void;
  /** Show nothing until the run has taken this long. */
  delayMs?: number;
  intervalMs?: number;
  now?: () => number;
}

export class Progress {
  private done = 0;
  private drawn = false;
  private lastDraw = 0;
  private readonly started: number;
  private readonly now: () => number;

  constructor(private readonly options: ProgressOptions) {
    this.now = options.now ?? (() => performance.now());
    this.started = this.now();
  }

  tick(): void {
    this.done++;
    const t = this.now();
    if (t - this.started < (this.options.delayMs ?? 1000)) return;
    if (
      this.drawn &&
      t - this.lastDraw < (this.options.intervalMs ?? 100) &&
      this.done < this.options.total
    )
      return;
    this.lastDraw = t;
    this.drawn = true;
    const width = String(this.options.total).length;
    this.options.write(
      `\r\u001b[2Koverclaim: ${String(this.done).padStart(width)}/${this.options.total} files`,
    );
  }

  /** Erases the line, if one was drawn, before the report is printed. */
  end(): void {
    if (this.drawn) this.options.write('\r\u001b[2K');
    this.drawn = false;
  }
}
