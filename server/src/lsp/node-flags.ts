/**
 * Node options the VS Code extension starts the language server with; other editors may add
 * them too (README, "Other editors"). The server works without them, only with more memory.
 *
 * - `--expose-gc`: lets the server collect its garbage once the writer pauses
 *   (idle-collection.ts).
 * - `--max-semi-space-size=8`: V8's young generation grows to 2 × 16 MB under the garbage each
 *   keystroke makes and stays resident; 2 × 8 MB is enough. On the benchmark's 1 MB document
 *   it took ~17 MB off the resident memory with no change in latency (p95 over four interleaved
 *   runs each: 33–40 ms vs 33–46 ms). Smaller was slower (2 MB: p95 up to 55 ms).
 */
export const SERVER_NODE_FLAGS: readonly string[] = ['--expose-gc', '--max-semi-space-size=8'];
