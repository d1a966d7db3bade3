/**
 * A sentence rule's draft made in a block of the incremental linter, moved to where the block
 * stands now (block-drafts.ts). Every keystroke moves the drafts of every block after it, and an
 * editor reads suggestions only for a quick fix: a moved draft's own offsets move at once, its
 * suggestions each time they are read. A class, so that every moved draft has one shape and the
 * getter lives on the prototype (a getter defined per object makes each one a dictionary).
 */
import type { Claim } from '../knowledge/schema.ts';
import type { Draft } from './rules/rule.ts';
import type { Edit, Suggestion } from './types.ts';

export class MovedDraft implements Draft {
  readonly start: number;
  readonly end: number;
  readonly message: string;
  readonly claim: Claim | undefined;

  /** `original` was made in a block of `length` characters, now at `at` in a document ending at `docEnd`. */
  constructor(
    readonly original: Draft,
    private readonly at: number,
    private readonly length: number,
    private readonly docEnd: number,
  ) {
    this.start = this.to(original.start);
    this.end = this.to(original.end);
    this.message = original.message;
    this.claim = original.claim;
  }

  /** Made anew on each read, so that no reader's change reaches the cached draft. */
  get suggestions(): Suggestion[] {
    return copySuggestions(this.original.suggestions, (offset) => this.to(offset));
  }

  /** Offsets inside the block move with it; its end stands for the document's end. */
  private to(offset: number): number {
    return offset < this.length ? offset + this.at : this.docEnd + (offset - this.length);
  }
}

/** The draft's suggestions as a copy its reader may keep and change. */
export function suggestionsToHandOut(draft: Draft): Suggestion[] {
  return draft instanceof MovedDraft ? draft.suggestions : copyOfSuggestions(draft.suggestions);
}

/** Suggestions copied, offsets unchanged. */
export function copyOfSuggestions(list: readonly Suggestion[]): Suggestion[] {
  return copySuggestions(list, (offset) => offset);
}

function copySuggestions(
  list: readonly Suggestion[],
  to: (offset: number) => number,
): Suggestion[] {
  return list.map((s) => ({
    kind: s.kind,
    title: s.title,
    safe: s.safe,
    edits: s.edits.map((e): Edit => ({ start: to(e.start), end: to(e.end), newText: e.newText })),
  }));
}

/** Whether the draft offers a safe fix, without moving its suggestions. */
export function hasSafeSuggestion(draft: Draft): boolean {
  const own = draft instanceof MovedDraft ? draft.original : draft;
  return own.suggestions.some((s) => s.safe);
}
