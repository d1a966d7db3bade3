/**
 * A fact the claim base knows (an approval, a status, an FDA warning, a named trial's result)
 * stated without a source. The fix inserts the claim base's own reference. Runs only on
 * sentences no other rule has flagged, so one sentence is not buried under findings.
 */
import { isAttributed } from '../assertion.ts';
import type { Sentence } from '../analyse.ts';
import {
  citableSource,
  citationSuggestion,
  sentenceRange,
  suppressionSuggestion,
} from '../suggest.ts';
import type { Suggestion } from '../types.ts';
import { LazyDraft, NO_DRAFTS, type Rule } from './rule.ts';

const rule: Rule = {
  id: 'missing-citation',
  defaultSeverity: 'info',
  summary: 'A claim the claim base knows, stated without a citation; the fix inserts the source.',
  scope: 'sentence',
  check(ctx, s) {
    // Every recogniser needs a named agent: most sentences name none and stop here.
    if (s.mentions.treatments.length === 0 || s.cited || s.question || s.heading) return NO_DRAFTS;
    const named = s.mentions.treatments.map((m) => m.value.id);
    const match = ctx.kb.recognisers.find(
      (r) => hasAny(r.agents, named) && everySlotMatched(s, r.slots),
    );
    if (!match) return NO_DRAFTS;
    if (isAttributed(s, { first: 0, last: s.tokens.length, start: s.start, end: s.end }))
      return NO_DRAFTS;
    // Without a linkable source the finding still stands; it names the best record to look up.
    const citable = citableSource(ctx, match.claim);
    const source =
      citable ??
      match.claim.sources.map((id) => ctx.kb.sources.get(id)).find((x) => x?.verified) ??
      ctx.kb.sources.get(match.claim.sources[0] ?? '');
    if (!source) return NO_DRAFTS;
    return [
      new LazyDraft(
        sentenceRange(ctx, s),
        `States a fact the claim base knows (${match.claim.id}) without a source; ${source.verified ? 'cite' : 'find the primary source behind'} ${source.authors.split(/[,;]/)[0]?.trim()}, ${source.venue} ${source.year}.`,
        match.claim,
        () =>
          [
            citable && citationSuggestion(ctx, s, citable, true),
            suppressionSuggestion(ctx, s, rule.id),
          ].filter((x): x is Suggestion => x !== undefined),
      ),
    ];
  },
};

export default rule;

/** Whether the sentence scan found every one of a recogniser's groups. */
function everySlotMatched(s: Sentence, slots: readonly number[]): boolean {
  for (let i = 0; i < slots.length; i++)
    if (s.scanMatches[slots[i] ?? -1] === undefined) return false;
  return true;
}

/** A loop, not `some` with a closure: this runs for every recogniser on most sentences. */
function hasAny(set: ReadonlySet<string>, items: readonly string[]): boolean {
  for (const item of items) if (set.has(item)) return true;
  return false;
}
