import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { claimCardMarkdown, claimCardText } from '../../server/src/knowledge/claim-card.ts';
import type { ClaimBase } from '../../server/src/knowledge/compile.ts';
import { isStale, staleNote } from '../../server/src/knowledge/freshness.ts';
import { knowledgeSchemas } from '../../server/src/knowledge/schema.ts';
import { builtInClaimBase } from '../../server/src/knowledge/builtin.ts';

const sources = [
  {
    id: 'trial-doi',
    type: 'rct',
    authors: 'Doe J, et al.',
    title: 'A *bold* trial',
    venue: 'J Test',
    year: 2020,
    doi: '10.1000/xyz',
    verified: true,
  },
  {
    id: 'paper-pmid',
    type: 'review',
    authors: 'Roe R',
    title: 'A review',
    venue: 'Rev',
    year: 2021,
    pmid: '12345678',
    verified: true,
  },
  {
    id: 'label-url',
    type: 'label',
    authors: 'Maker Inc.',
    title: 'Label',
    venue: 'DailyMed',
    year: 2024,
    url: 'https://example.org/label',
    verified: false,
  },
].map((s) => knowledgeSchemas().sourceSchema.parse(s));

const claim = knowledgeSchemas().claimSchema.parse({
  id: 'drug-approved',
  topic: 'regulatory',
  statement: 'Drug X is approved for condition Y in adults.',
  evidence: 'regulatory',
  verified: true,
  scope: {
    agents: ['esketamine'],
    routes: ['iv'],
    population: 'adults',
    jurisdictions: ['US'],
    asOf: '2025-01',
  },
  reviewBy: '2026-01',
  sources: ['trial-doi', 'paper-pmid', 'label-url'],
  caveats: ['Only in certified clinics, with monitoring.'],
  saferWording: 'Drug X is approved for Y in adults.',
});
const base = {
  version: 't',
  sources,
  claims: [claim],
  lexicon: {},
  triggers: {},
} as unknown as ClaimBase;

describe('claim card', () => {
  const md = claimCardMarkdown(base, 'drug-approved', { today: '2025-06-01' }) ?? '';
  it('returns undefined for an unknown claim', () => {
    assert.equal(claimCardMarkdown(base, 'nope'), undefined);
    assert.equal(claimCardText(base, 'nope'), undefined);
  });
  it('shows statement, level, scope, caveats and safer wording', () => {
    assert.match(md, /Drug X is approved for condition Y in adults\./);
    assert.match(md, /\*\*Evidence:\*\* regulatory/);
    assert.match(md, /- Agent: esketamine/);
    assert.match(md, /- Route: IV/);
    assert.match(md, /- Jurisdiction: US/);
    assert.match(md, /- As of: 2025-01/);
    assert.match(md, /- Only in certified clinics, with monitoring\./);
    assert.match(md, /\*\*Safer wording:\*\*/);
  });
  it('links sources by DOI, then PubMed, then URL, and escapes Markdown in data', () => {
    assert.match(
      md,
      /\[Doe J, et al\. A \\\*bold\\\* trial\. J Test 2020\.\]\(https:\/\/doi\.org\/10\.1000\/xyz\)/,
    );
    assert.match(md, /\(https:\/\/pubmed\.ncbi\.nlm\.nih\.gov\/12345678\/\)/);
    assert.match(md, /\(https:\/\/example\.org\/label\) — product label; not verified/);
  });
  it('adds a stale note only from the review date on', () => {
    assert.doesNotMatch(md, /past its review date/);
    const late = claimCardMarkdown(base, 'drug-approved', { today: '2026-01-01' }) ?? '';
    assert.match(late, /⚠️ .*past its review date .*check the current label/);
    assert.match(
      claimCardText(base, 'drug-approved', { today: '2026-11-21' }) ?? '',
      /! The claim base entry/,
    );
  });
  it('warns that an unverified claim is not to be cited as established', () => {
    const unverified = {
      ...claim,
      evidence: 'emerging' as const,
      verified: false,
      certainty: 'Date unconfirmed.',
    };
    const b = { ...base, claims: [unverified] } as ClaimBase;
    assert.match(
      claimCardMarkdown(b, 'drug-approved') ?? '',
      /not verified\*\*, do not cite as established[\s\S]*_Unverified:_ Date unconfirmed\./,
    );
  });
  it('renders every shipped claim as Markdown and text', () => {
    for (const c of builtInClaimBase.claims) {
      assert.ok(claimCardMarkdown(builtInClaimBase, c.id)?.includes('**Sources:**'), c.id);
      assert.ok(claimCardText(builtInClaimBase, c.id)?.includes('Sources:'), c.id);
    }
  });
});

describe('freshness', () => {
  it('reads YYYY-MM review dates as the start of the month', () => {
    assert.equal(isStale(claim, '2025-12-31'), false);
    assert.equal(isStale(claim, '2026-01-01'), true);
    assert.equal(isStale({ ...claim, reviewBy: undefined }, '2099-01-01'), false);
  });
  it('names the claim, the dates and what to check', () => {
    assert.equal(
      staleNote(claim, '2026-02-01'),
      'The claim base entry "drug-approved" is past its review date (last checked 2025-01, review due 2026-01): check the current label or regulator page before relying on it.',
    );
  });
});
