/**
 * Node options the VS Code extension starts the language server with; other editors may add
 * them too (README, "Other editors"). The server works without them, only with more memory.
 *
 * `--expose-gc` lets the server collect its garbage once the writer pauses (idle-collection.ts).
 *
 * Not `--max-semi-space-size`: V8's young generation grows to 2 × 16 MB under the garbage each
 * keystroke of a long draft makes, but the idle collection's second step gives it back once
 * the writer pauses, and at 8 MB the 1 MB benchmark draft was slower to type in (p95 over nine
 * interleaved runs each: mean 42 ms vs 38 ms, more edits over 100 ms).
 */
export const SERVER_NODE_FLAGS: readonly string[] = ['--expose-gc'];
