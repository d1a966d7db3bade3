/**
 * Proposes candidate claims from a source document for a curator: each claim-like sentence with
 * the treatment, route, condition, effect and strength the engine reads in it, the existing
 * claims it matches, and the claims that answer it when the rules find it overstated.
 * Pure, and built on the engine's own analysis so the curator sees what the linter sees.
 */
import { analyseSentence, type Mention, type Sentence } from '../engine/analyse.ts';
import { isAttributed, isHedged, isNegated } from '../engine/assertion.ts';
import { allGroupsMatch, indexKnowledge, type KnowledgeIndex } from '../engine/knowledge-index.ts';
import { lint } from '../engine/lint.ts';
import { languageFromPath } from '../engine/parse.ts';
import { LineIndex } from '../engine/positions.ts';
import { extractProse } from '../engine/prose.ts';
import { splitSentences } from '../engine/sentences.ts';
import type { ClaimBase } from './compile.ts';

export type Strength = 'asked' | 'attributed' | 'negated' | 'boosted' | 'hedged' | 'asserted';

export interface Contradiction {
  claim: string;
  rule: string;
  message: string;
}

export interface Candidate {
  file: string;
  line: number;
  text: string;
  treatments: string[];
  routes: string[];
  conditions: string[];
  /** The effect words as written ("relieves", "rewires"). */
  effects: string[];
  strength: Strength;
  boosters: string[];
  hedges: string[];
  cited: boolean;
  figures: string[];
  /** Existing claims this sentence states (recognised facts and known figures). */
  matches: string[];
  /** Existing claims that answer this sentence because a rule finds it overstated. */
  contradicts: Contradiction[];
  /** A starting point for a new claim record, when no existing claim matches. */
  draft?: DraftClaim;
}

export interface DraftClaim {
  id: string;
  topic: string;
  statement: string;
  evidence: 'unsupported';
  verified: false;
  scope: { agents?: string[]; routes?: string[]; conditions?: string[] };
  sources: string[];
}

// Document-level rules say nothing about one sentence, and missing-citation is a match, not an overclaim.
const NOT_CONTRADICTIONS = new Set(['fair-balance', 'missing-disclaimer', 'missing-citation', 'suppression']);

export function extractCandidates(base: ClaimBase, file: string, text: string, today?: string): Candidate[] {
  const kb = indexKnowledge(base);
  const language = languageFromPath(file);
  const prose = extractProse(text, language);
  const lines = new LineIndex(text);
  const findings = lint(text, { claimBase: base, path: file, language, today }).findings;
  const candidates: Candidate[] = [];
  const usedIds = new Set(base.claims.map((c) => c.id));
  let recent: string[] = [];
  let index = 0;
  for (const segment of prose.segments) {
    for (const span of splitSentences(segment.text)) {
      const s = analyseSentence(kb, segment, span, index++, recent);
      const named = unique(s.mentions.treatments.map((m) => m.value.id));
      if (named.length > 0) recent = named;
      const from = segment.offsets.at(s.start) ?? 0;
      const to = (segment.offsets.at(Math.max(s.start, s.end - 1)) ?? from) + 1;
      const here = findings.filter((f) => f.start >= from && f.start < to);
      const contradicts = here
        .filter((f) => f.claimId && !NOT_CONTRADICTIONS.has(f.ruleId))
        .map((f) => ({ claim: f.claimId as string, rule: f.ruleId, message: f.message }));
      const matches = unique([...matchingClaims(kb, s), ...here.filter((f) => f.ruleId === 'missing-citation' && f.claimId).map((f) => f.claimId as string)]);
      if (!isClaimLike(s) && contradicts.length === 0 && matches.length === 0) continue;
      const candidate: Candidate = {
        file,
        line: lines.at(from).line,
        text: s.text.replace(/\s+/g, ' ').trim(),
        treatments: s.treatments,
        routes: ids(s.mentions.routes),
        conditions: ids(s.mentions.conditions),
        effects: unique(s.mentions.effects.map((m) => words(s, m))),
        strength: strengthOf(s),
        boosters: unique(s.mentions.boosters.map((m) => words(s, m))),
        hedges: unique([...s.mentions.hedges, ...s.mentions['study-scope']].map((m) => words(s, m))),
        cited: s.cited,
        figures: s.figures.map((f) => s.segment.text.slice(f.start, f.end)),
        matches,
        contradicts: dedupe(contradicts),
      };
      if (matches.length === 0 && contradicts.length === 0) candidate.draft = draftFor(candidate, topicOf(s), usedIds);
      candidates.push(candidate);
    }
  }
  return candidates;
}

/** Names a treatment (or refers back to one) and says something about it: an effect, a risk, a status or a number. */
function isClaimLike(s: Sentence): boolean {
  if (s.heading || s.treatments.length === 0) return false;
  const m = s.mentions;
  const status = m.approvals.some((a) => a.value.id === 'approved' || a.value.id === 'legal');
  return m.effects.length + m.risks.length + s.figures.length > 0 || status;
}

function topicOf(s: Sentence): string {
  if (s.mentions.approvals.some((a) => a.value.id === 'approved' || a.value.id === 'legal')) return 'regulatory';
  if (s.mentions.risks.length > 0) return 'safety';
  if (s.figures.length > 0) return 'epidemiology';
  return 'efficacy';
}

function matchingClaims(kb: KnowledgeIndex, s: Sentence): string[] {
  const out: string[] = [];
  for (const r of kb.recognisers) {
    if (s.treatments.some((t) => r.agents.has(t)) && allGroupsMatch(r.groups, s.tokens)) out.push(r.claim.id);
  }
  if (s.figures.length > 0) {
    for (const f of kb.figures) if (allGroupsMatch(f.about, s.tokens)) out.push(f.claim.id);
  }
  return out;
}

function strengthOf(s: Sentence): Strength {
  const focus = s.mentions.effects[0] ?? s.mentions.treatments[0];
  if (s.question) return 'asked';
  if (focus && isAttributed(s, focus)) return 'attributed';
  if (focus && isNegated(s, focus)) return 'negated';
  if (s.mentions.boosters.length > 0) return 'boosted';
  if (focus && isHedged(s, focus)) return 'hedged';
  return 'asserted';
}

/** A first guess at the topic comes from topicOf; the curator corrects it. */
function draftFor(c: Candidate, topic: string, used: Set<string>): DraftClaim {
  const stem = [c.treatments[0] ?? 'treatment', c.routes[0], c.conditions[0], topic].filter(Boolean).join('-');
  let id = stem;
  for (let n = 2; used.has(id); n++) id = `${stem}-${n}`;
  used.add(id);
  const scope: DraftClaim['scope'] = {};
  if (c.treatments.length > 0) scope.agents = c.treatments;
  if (c.routes.length > 0) scope.routes = c.routes;
  if (c.conditions.length > 0) scope.conditions = c.conditions;
  return {
    id,
    topic,
    statement: 'TODO: restate in your own words what the evidence supports, at the strength it supports.',
    evidence: 'unsupported',
    verified: false,
    scope,
    sources: [],
  };
}

function ids(mentions: Mention[]): string[] {
  return unique(mentions.map((m) => m.value.id));
}

function words(s: Sentence, m: Mention): string {
  return s.text.slice((s.tokens[m.first]?.start ?? s.start) - s.start, (s.tokens[m.last - 1]?.end ?? s.end) - s.start).toLowerCase();
}

function unique<T>(items: T[]): T[] {
  return [...new Set(items)];
}

function dedupe(items: Contradiction[]): Contradiction[] {
  const seen = new Set<string>();
  return items.filter((c) => !seen.has(`${c.claim}|${c.rule}`) && seen.add(`${c.claim}|${c.rule}`));
}
