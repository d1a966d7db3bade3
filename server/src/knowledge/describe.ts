/**
 * Human-readable pieces of a claim and its sources, shared by the claim card (editor hover,
 * `overclaim kb show`) and the generated docs so all three say the same thing.
 */
import type { Claim, Source } from './schema.ts';

export const evidenceLabels: Record<Claim['evidence'], string> = {
  regulatory: 'regulatory (a label or a regulator’s decision)',
  rct: 'RCT (randomised trials or their meta-analyses)',
  emerging: 'emerging (small, early, post hoc or mixed evidence)',
  mechanistic: 'mechanistic (animal studies or hypothesis)',
  unsupported: 'unsupported (no evidence found for it)',
  false: 'false (contradicted by better evidence)',
};

export const sourceTypeLabels: Record<Source['type'], string> = {
  label: 'product label',
  regulator: 'regulator',
  rct: 'randomised trial',
  'meta-analysis': 'meta-analysis',
  review: 'review',
  observational: 'observational study',
  preclinical: 'preclinical study',
  news: 'news or press report',
  marketing: 'marketing or blog copy',
};

const ACRONYMS = new Set(['iv', 'im', 'ect', 'mdd', 'trd', 'mdsi', 'ssri', 'snri', 'mdma', 'ptsd']);

/** Lexicon ids as words: `iv` → `IV`, `at-home` → `at home`. */
export function termName(id: string): string {
  return ACRONYMS.has(id) ? id.toUpperCase() : id.replace(/-/g, ' ');
}

/** The claim's scope as label/value pairs, in a fixed order, omitting what is not set. */
export function scopeEntries(claim: Claim): [string, string][] {
  const s = claim.scope;
  const entries: [string, string | undefined][] = [
    ['Agent', s.agents?.map((a) => (a.includes('-') ? a : termName(a))).join(', ')],
    ['Route', s.routes?.map(termName).join(', ')],
    ['Dose', s.dose],
    ['Population', s.population],
    ['Setting', s.setting],
    ['Jurisdiction', s.jurisdictions?.join(', ')],
    ['As of', s.asOf],
    ['Review by', claim.reviewBy],
  ];
  return entries.filter((e): e is [string, string] => Boolean(e[1]));
}

/** DOI first (most stable), then PubMed, then the source's own address. */
export function sourceUrl(s: Source): string | undefined {
  if (s.doi) return `https://doi.org/${s.doi}`;
  if (s.pmid) return `https://pubmed.ncbi.nlm.nih.gov/${s.pmid}/`;
  return s.url;
}

/** "Authors. Title. Venue Year;locator." without the link. */
export function referenceText(s: Source): string {
  const locator = s.locator ? `;${s.locator}` : '';
  return `${s.authors.replace(/\.$/, '')}. ${s.title.replace(/\.$/, '')}. ${s.venue} ${s.year}${locator}.`;
}

/** What a reader should know about a source besides the reference: type and doubts. */
export function sourceQualifiers(s: Source): string {
  const parts = [sourceTypeLabels[s.type]];
  if (s.seed) parts.push(s.seed.role === 'evidence' ? 'seed document (evidence)' : 'seed document (example of overclaiming)');
  if (!s.verified) parts.push('not verified');
  return parts.join('; ');
}
