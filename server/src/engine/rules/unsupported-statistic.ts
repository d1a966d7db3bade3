/**
 * An efficacy or prevalence figure with no citation; the message says so more firmly when the
 * figure also falls outside the range the claim base knows (TRD is about 30%, not 50%).
 */
import type { Claim } from '../../knowledge/schema.ts';
import type { Sentence } from '../analyse.ts';
import { isAttributed } from '../assertion.ts';
import { allGroupsMatch } from '../knowledge-index.ts';
import { citableSource, citationSuggestion, suppressionSuggestion, toSource } from '../suggest.ts';
import type { Suggestion } from '../types.ts';
import { LazyDraft, NO_DRAFTS, type Rule, type RuleContext } from './rule.ts';

const rule: Rule = {
  id: 'unsupported-statistic',
  defaultSeverity: 'warning',
  summary:
    'An efficacy or prevalence figure with no citation, or one that contradicts the claim base.',
  scope: 'sentence',
  check(ctx, s) {
    if (s.figures.length === 0) return NO_DRAFTS;
    // "100% safe" is a safety claim, not a figure; safety-minimisation answers it.
    const figure = s.figures.find(
      (f) => !/^\s*safe\b/i.test(s.segment.text.slice(f.end, f.end + 6)),
    );
    if (!figure || s.cited || s.question) return NO_DRAFTS;
    if (s.mentions.commerce.length > 0) return NO_DRAFTS;
    const aboutHealth =
      s.treatments.length > 0 || s.mentions.conditions.length > 0 || s.mentions.effects.length > 0;
    if (!aboutHealth) return NO_DRAFTS;
    const span = { first: 0, last: 0, start: figure.start, end: figure.end };
    if (isAttributed(s, span)) return NO_DRAFTS;
    const known = knownFigure(ctx, s);
    const outside =
      known &&
      s.figures.some(
        (f) =>
          f.value !== null &&
          (f.value < (known.figure?.min ?? 0) || f.value > (known.figure?.max ?? 100)),
      );
    const range = toSource(ctx, s, figure.start, figure.end);
    const text = ctx.source.slice(range.start, range.end);
    const message = outside
      ? `“${text}” contradicts the claim base (${known?.figure?.min}–${known?.figure?.max}% for ${known?.id}) and cites nothing.`
      : `“${text}” is a figure with no citation: say where it comes from, for whom and when it was measured.`;
    return [
      new LazyDraft(range, message, known, () => {
        const source = known && citableSource(ctx, known);
        return [
          source && citationSuggestion(ctx, s, source, false),
          suppressionSuggestion(ctx, s, rule.id),
        ].filter((x): x is Suggestion => x !== undefined);
      }),
    ];
  },
};

function knownFigure(ctx: RuleContext, s: Sentence): Claim | undefined {
  // Compiled once per claim base: this runs on every sentence with a figure.
  return ctx.kb.figures.find((f) => allGroupsMatch(f.about, s.tokens))?.claim;
}

export default rule;
