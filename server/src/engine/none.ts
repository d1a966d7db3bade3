/**
 * The one empty list every sentence shares for what it has none of (most have nothing of most
 * mention categories, no figures, no quotes): the incremental linter keeps every sentence of a
 * 1 MB document. Frozen, so a push would throw instead of changing every sentence.
 */
export const NONE = Object.freeze([]) as unknown as never[];
