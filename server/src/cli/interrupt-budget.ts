/**
 * The V8 interrupt budget the CLI runs with: ~4.4× V8's default (67,584), the best of 130k–1M
 * measured on the benchmark's corpora (docs/performance.md, "Seventh round"). Its own module so
 * the benchmark's stage runner uses the same value without loading the CLI.
 */
export const INTERRUPT_BUDGET = 300_000;
