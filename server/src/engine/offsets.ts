/**
 * Where each character of a segment's text stands in the source. Prose is mostly copied straight
 * from the source, so the offsets are kept as runs of consecutive values: a paragraph is a few
 * runs (one per text node, link or escape) instead of a number per character. For the 1 MB
 * benchmark document that was ~1.7 million numbers held by each lint, and by the editor's
 * per-block cache for as long as the document is open.
 */
export class SourceOffsets {
  constructor(
    /** Text index where each run starts, ascending; the first is 0. */
    private readonly starts: readonly number[],
    /** Source offset of each run's first character. */
    private readonly sources: readonly number[],
    /** How many characters are mapped: the text's length plus one for its end. */
    readonly length: number,
  ) {}

  /** The source offset of character `i`, or undefined outside 0 … length − 1. */
  at(i: number): number | undefined {
    if (!(i >= 0 && i < this.length)) return undefined;
    // The last run that starts at or before i.
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.starts[mid] as number) <= i) lo = mid;
      else hi = mid - 1;
    }
    return (this.sources[lo] as number) + (i - (this.starts[lo] as number));
  }

  /** The same map for the text moved `by` characters in the source. */
  shifted(by: number): SourceOffsets {
    return new SourceOffsets(
      this.starts,
      this.sources.map((s) => s + by),
      this.length,
    );
  }

  /** Every offset, in order (for tests and tools; linting never needs them all). */
  toArray(): number[] {
    return Array.from({ length: this.length }, (_, i) => this.at(i) as number);
  }
}

/** Collects offsets one character at a time, extending the current run while they follow on. */
export class SourceOffsetsBuilder {
  private readonly starts: number[] = [];
  private readonly sources: number[] = [];
  private last = 0;
  length = 0;

  push(offset: number): void {
    if (this.length === 0 || offset !== this.last + 1) {
      this.starts.push(this.length);
      this.sources.push(offset);
    }
    this.last = offset;
    this.length++;
  }

  /** `count` consecutive offsets from `from`: one run, whatever its length. */
  pushRun(from: number, count: number): void {
    if (count <= 0) return;
    if (this.length === 0 || from !== this.last + 1) {
      this.starts.push(this.length);
      this.sources.push(from);
    }
    this.last = from + count - 1;
    this.length += count;
  }

  build(): SourceOffsets {
    return new SourceOffsets(this.starts, this.sources, this.length);
  }
}
