/**
 * Wrong regulatory status: racemic ketamine called approved for depression, Auvelity for TRD,
 * psilocybin or MDMA approved or legal, approvals with the wrong year. The facts come from the
 * `approval` blocks of the claim base, so a label change is a data edit.
 */
import type { Claim } from '../../knowledge/schema.ts';
import type { Mention, Sentence } from '../analyse.ts';
import { isAttributed, isNegated } from '../assertion.ts';
import { standardSuggestions, toSource } from '../suggest.ts';
import { LazyDraft, NO_DRAFTS, type Draft, type Rule, type RuleContext } from './rule.ts';

const PENDING_WINDOW = 3;

const rule: Rule = {
  id: 'approval-status',
  defaultSeverity: 'error',
  summary:
    'Wrong regulatory status: "FDA-approved ketamine" for depression, Auvelity "approved for TRD", psilocybin "approved", misdated approvals.',
  scope: 'sentence',
  check(ctx, s) {
    // Most approval-lexicon words are the "pending" kind ("before", "if"): no status stated.
    if (s.question || !s.mentions.approvals.some(isStatusWord)) return NO_DRAFTS;
    for (const word of s.mentions.approvals) {
      if (!isStatusWord(word)) continue;
      if (isNegated(s, word) || isAttributed(s, word) || isPending(s, word)) continue;
      const agent = subjectOf(s, word);
      if (!agent) continue;
      const problem = wrongStatus(ctx, s, word, agent);
      if (problem) return [problem];
    }
    return NO_DRAFTS;
  },
};

function isStatusWord(m: Mention): boolean {
  return m.value.id === 'approved' || m.value.id === 'legal';
}

function isPending(s: Sentence, word: Mention): boolean {
  return (
    s.mentions.approvals.some(
      (p) =>
        p.value.id === 'pending' && p.last <= word.first && word.first - p.last <= PENDING_WINDOW,
    ) ||
    s.mentions.approvals.some(
      (p) => p.value.id === 'pending' && p.first >= word.last && p.first - word.last <= 1,
    )
  );
}

/** The treatment the status word is about: the nearest one that is not itself negated ("not ketamine"). */
function subjectOf(s: Sentence, word: Mention): Mention | undefined {
  const candidates = s.mentions.treatments.filter((t) => !isNegated(s, t));
  const distance = (t: Mention) =>
    t.last <= word.first ? word.first - t.last : t.first - word.last + 0.5;
  return candidates.sort((a, b) => distance(a) - distance(b))[0];
}

function jurisdictionOf(s: Sentence): string {
  return s.mentions.jurisdictions[0]?.value.id.toUpperCase() ?? 'US';
}

function wrongStatus(
  ctx: RuleContext,
  s: Sentence,
  word: Mention,
  agent: Mention,
): Draft | undefined {
  const jurisdiction = jurisdictionOf(s);
  const facts = ctx.kb.base.claims.filter(
    (c) => c.approval?.agent === agent.value.id && c.approval.jurisdiction === jurisdiction,
  );
  if (facts.length === 0) return undefined;
  const approved = facts.filter((c) => c.approval?.status === 'approved');
  const draft = (claim: Claim | undefined, why: string) => finding(ctx, s, agent, word, claim, why);
  const at = toSource(ctx, s, agent.start, agent.end);
  const name = ctx.source.slice(at.start, at.end);
  if (approved.length === 0) {
    const fact = facts[0];
    if (
      agent.value.id === 'ketamine' &&
      (s.mentions.approvals.some((m) => m.value.id === 'anesthetic-use') ||
        !isTherapeuticContext(s))
    ) {
      return undefined;
    }
    const status =
      fact?.approval?.status === 'restricted-access'
        ? 'only available through restricted, authorised prescribing'
        : 'not approved';
    return draft(
      fact,
      `${name} is ${status} there (${jurisdiction}, as of ${fact?.scope.asOf ?? 'the claim base date'})`,
    );
  }
  const covered = new Set(approved.flatMap((c) => c.approval?.conditions ?? []));
  const named = s.mentions.conditions.map((c) => c.value.id);
  if (named.length > 0 && !named.some((c) => covered.has(c) || c === 'depression')) {
    return draft(
      approved[0],
      `${name} is approved for ${[...covered].join(', ').toUpperCase()}, not for what this sentence names`,
    );
  }
  // A named condition narrows the years to that indication's (2020 for suicidal ideation, not 2019).
  const forCondition = approved.filter((c) =>
    named.some((n) => c.approval?.conditions.includes(n)),
  );
  const years = new Set(
    (forCondition.length > 0 ? forCondition : approved)
      .map((c) => c.approval?.year)
      .filter((y): y is number => y !== undefined),
  );
  const stated = yearsNear(s, word);
  const wrong = stated.find((y) => !years.has(y));
  if (years.size > 0 && wrong !== undefined) {
    return draft(
      approved[0],
      `${name} approvals date from ${[...years].sort().join(', ')}, not ${wrong}`,
    );
  }
  return undefined;
}

/** Ketamine is approved as an anesthetic; only a therapeutic framing makes "approved" wrong. */
function isTherapeuticContext(s: Sentence): boolean {
  return (
    s.mentions.conditions.length > 0 ||
    s.mentions.routes.length > 0 ||
    s.mentions.anaphora.some((a) =>
      /therap|treatment|infusion|session|program|protocol/.test(a.phrase),
    )
  );
}

function yearsNear(s: Sentence, word: Mention): number[] {
  return s.tokens
    .filter((t, i) => /^(19|20)\d{2}$/.test(t.word) && Math.abs(i - word.first) <= 14)
    .map((t) => Number(t.word));
}

function finding(
  ctx: RuleContext,
  s: Sentence,
  agent: Mention,
  word: Mention,
  claim: Claim | undefined,
  why: string,
): Draft {
  const range = toSource(ctx, s, Math.min(agent.start, word.start), Math.max(agent.end, word.end));
  return new LazyDraft(range, `Wrong regulatory status: ${why}.`, claim, () =>
    standardSuggestions(ctx, s, rule.id, claim),
  );
}

export default rule;
