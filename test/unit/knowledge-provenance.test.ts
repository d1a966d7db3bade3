import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import {
  buildClaimBase,
  KnowledgeError,
  type KnowledgeFiles,
} from '../../server/src/knowledge/compile.ts';
import { builtInClaimBase } from '../../server/src/knowledge/builtin.ts';

const source = (id: string, type: string, verified: boolean, extra: object = {}) => ({
  id,
  type,
  authors: 'Doe J, et al.',
  title: 'A source',
  venue: 'Somewhere',
  year: 2020,
  verified,
  ...extra,
});
const claim = (sources: string[], evidence = 'rct', extra: object = {}) => ({
  id: 'claim-a',
  topic: 'efficacy',
  statement: 'A statement long enough to pass the schema.',
  evidence,
  verified: true,
  sources,
  ...extra,
});

function problems(files: Partial<KnowledgeFiles>): string[] {
  try {
    buildClaimBase({ sources: [], claims: [], lexicon: [], triggers: [], ...files }, 'test');
    return [];
  } catch (error) {
    assert.ok(error instanceof KnowledgeError);
    return error.problems.map((p) => `${p.file}|${p.entry ?? ''}|${p.field ?? ''}|${p.message}`);
  }
}

const sources = {
  file: 's.yaml',
  data: {
    sources: [
      source('ad', 'marketing', true),
      source('press', 'news', true),
      source('trial-unverified', 'rct', false),
      source('trial', 'rct', true),
    ],
  },
};

describe('provenance rules of the build', () => {
  it('refuses an established rating that rests only on marketing or news', () => {
    assert.deepEqual(
      problems({
        sources: [sources],
        claims: [
          {
            file: 'c.yaml',
            data: {
              claims: [claim(['ad', 'press'], 'regulatory', { scope: { asOf: '2025-01' } })],
            },
          },
        ],
      }),
      [
        'c.yaml|claim-a|evidence|a claim resting only on marketing or news sources cannot be rated regulatory or rct',
      ],
    );
  });
  it('refuses an established rating that rests only on unverified sources', () => {
    assert.deepEqual(
      problems({
        sources: [sources],
        claims: [{ file: 'c.yaml', data: { claims: [claim(['trial-unverified'])] } }],
      }),
      [
        'c.yaml|claim-a|evidence|a claim resting only on unverified sources cannot be rated regulatory or rct',
      ],
    );
  });
  it('accepts weak or unverified sources next to a verified strong one, or a lower rating', () => {
    const ok = [
      claim(['ad', 'trial-unverified', 'trial']),
      { ...claim(['ad']), id: 'claim-b', evidence: 'emerging' },
    ];
    assert.deepEqual(
      problems({ sources: [sources], claims: [{ file: 'c.yaml', data: { claims: ok } }] }),
      [],
    );
  });
  it('checks that every seed statement points at an existing claim', () => {
    const seed = source('seed-x', 'marketing', true, {
      seed: {
        file: 'x.txt',
        role: 'overclaim-example',
        contributes: 'An example of overclaiming.',
        statements: [
          { quote: 'it cures depression', verdict: 'contradicted', claim: 'no-such-claim' },
        ],
      },
    });
    const out = problems({ sources: [{ file: 'seeds.yaml', data: { sources: [seed] } }] });
    assert.deepEqual(out, [
      'seeds.yaml|seed-x|seed.statements|statement "it cures depression…" refers to missing claim "no-such-claim"',
    ]);
  });
  it('rejects an unknown seed verdict', () => {
    const seed = source('seed-x', 'marketing', true, {
      seed: {
        file: 'x.txt',
        role: 'evidence',
        contributes: 'Evidence.',
        statements: [{ quote: 'a long quote', verdict: 'maybe', claim: 'claim-a' }],
      },
    });
    const [out] = problems({ sources: [{ file: 'seeds.yaml', data: { sources: [seed] } }] });
    assert.match(out ?? '', /^seeds\.yaml\|seed-x\|seed\.statements\.0\.verdict\|/);
  });
});

describe('provenance of the shipped base', () => {
  const seeds = builtInClaimBase.sources.filter((s) => s.seed);
  it('has one source record per seed document, each with judged statements', () => {
    assert.equal(seeds.length, 5);
    for (const s of seeds)
      assert.ok((s.seed?.statements.length ?? 0) >= 5, `${s.id} judges its statements`);
  });
  it('gives every source a type, and every verified non-seed source a DOI, PMID, URL or journal locator', () => {
    for (const s of builtInClaimBase.sources) {
      assert.ok(s.type, s.id);
      if (s.verified && !s.seed)
        assert.ok(s.doi || s.pmid || s.url || s.locator, `${s.id} can be found`);
    }
  });
  it('never rates an unverified claim as established', () => {
    for (const c of builtInClaimBase.claims) {
      if (!c.verified) assert.ok(!['regulatory', 'rct'].includes(c.evidence), c.id);
    }
  });
  it('dates every regulatory claim and gives it a review date', () => {
    for (const c of builtInClaimBase.claims.filter(
      (x) => x.evidence === 'regulatory' || x.topic === 'regulatory',
    )) {
      assert.ok(c.scope.asOf, `${c.id} has asOf`);
      assert.ok(c.reviewBy, `${c.id} has reviewBy`);
    }
  });
});

describe('seed statements against the seed texts', () => {
  // The seeds live beside the repository in the shared research folder; skip when it is absent.
  const dir = new URL('../../../shared/seeds/', import.meta.url);
  const present = existsSync(dir);
  it(
    'quotes every judged statement exactly',
    { skip: !present && 'seed folder not present' },
    () => {
      for (const s of builtInClaimBase.sources) {
        if (!s.seed) continue;
        const text = readFileSync(new URL(s.seed.file, dir), 'utf8');
        for (const st of s.seed.statements)
          assert.ok(text.includes(st.quote), `${s.id}: "${st.quote}"`);
      }
    },
  );
});
