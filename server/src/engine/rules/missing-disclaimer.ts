/**
 * Document level: treatment claims with no "not medical advice / talk to your clinician"
 * statement anywhere. The fix appends one at the end of the document.
 */
import { appended, suppressionSuggestion, toSource } from '../suggest.ts';
import type { Suggestion } from '../types.ts';
import { assertedBenefits } from './efficacy.ts';
import { NO_DRAFTS, type Rule } from './rule.ts';

/** Our standard wording; it contains the phrases the disclaimer lexicon looks for. */
export const DISCLAIMER =
  'This article is general information, not medical advice. Talk to your clinician before starting or changing any treatment.';

const rule: Rule = {
  id: 'missing-disclaimer',
  defaultSeverity: 'info',
  summary: 'Document level: no "not medical advice / talk to your clinician" statement.',
  scope: 'document',
  check(ctx) {
    if (ctx.sentences.some((s) => s.mentions.disclaimers.length > 0)) return NO_DRAFTS;
    const first = ctx.sentences.find((s) => assertedBenefits(s).length > 0);
    if (!first) return NO_DRAFTS;
    const mention = first.mentions.treatments[0] ?? assertedBenefits(first)[0];
    const end = ctx.source.length;
    const add: Suggestion = {
      kind: 'caveat',
      title: `Add a disclaimer at the end: “${DISCLAIMER}”`,
      // Appended inside an unclosed code fence or comment, it would not count: review it instead.
      safe: !ctx.openEnd,
      edits: [{ start: end, end, newText: appended(ctx, DISCLAIMER) }],
    };
    return [
      {
        ...(mention
          ? toSource(ctx, first, mention.start, mention.end)
          : toSource(ctx, first, first.start, first.end)),
        message:
          'The document makes treatment claims but never says it is not medical advice or points readers to a clinician.',
        suggestions: [add, suppressionSuggestion(ctx, first, rule.id)].filter(
          (x): x is Suggestion => x !== undefined,
        ),
      },
    ];
  },
};

export default rule;
