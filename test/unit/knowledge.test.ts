import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  buildClaimBase,
  KnowledgeError,
  type KnowledgeFiles,
} from '../../server/src/knowledge/compile.ts';
import { builtInClaimBase } from '../../server/src/knowledge/builtin.ts';

const source = {
  id: 'trial-a',
  type: 'rct',
  authors: 'Doe J, et al.',
  title: 'A trial',
  venue: 'J Test',
  year: 2020,
  verified: true,
};
const claim = {
  id: 'claim-a',
  topic: 'efficacy',
  statement: 'A statement long enough to pass the schema.',
  evidence: 'rct',
  verified: true,
  sources: ['trial-a'],
};

function problems(files: Partial<KnowledgeFiles>): string[] {
  try {
    buildClaimBase({ sources: [], claims: [], lexicon: [], triggers: [], ...files }, 'test');
    return [];
  } catch (error) {
    assert.ok(error instanceof KnowledgeError);
    return error.problems.map((p) => `${p.file}|${p.entry ?? ''}|${p.field ?? ''}|${p.message}`);
  }
}

describe('claim-base build', () => {
  it('accepts a consistent base', () => {
    assert.deepEqual(
      problems({
        sources: [{ file: 's.yaml', data: { sources: [source] } }],
        claims: [{ file: 'c.yaml', data: { claims: [claim] } }],
      }),
      [],
    );
  });
  it('names file and entry for a duplicate id', () => {
    const out = problems({
      sources: [{ file: 's.yaml', data: { sources: [source] } }],
      claims: [
        { file: 'a.yaml', data: { claims: [claim] } },
        { file: 'b.yaml', data: { claims: [claim] } },
      ],
    });
    assert.deepEqual(out, ['b.yaml|claim-a||duplicate claim id (also in a.yaml)']);
  });
  it('names a dangling source reference', () => {
    const out = problems({ claims: [{ file: 'c.yaml', data: { claims: [claim] } }] });
    assert.deepEqual(out, ['c.yaml|claim-a|sources|refers to missing source "trial-a"']);
  });
  it('names an unsourced claim', () => {
    const out = problems({
      sources: [{ file: 's.yaml', data: { sources: [source] } }],
      claims: [{ file: 'c.yaml', data: { claims: [{ ...claim, sources: [] }] } }],
    });
    assert.deepEqual(out, ['c.yaml|claim-a|sources|every claim needs at least one source']);
  });
  it('refuses an undated regulatory claim and an unverified claim rated established', () => {
    const out = problems({
      sources: [{ file: 's.yaml', data: { sources: [source] } }],
      claims: [
        {
          file: 'c.yaml',
          data: {
            claims: [
              { ...claim, evidence: 'regulatory' },
              { ...claim, id: 'claim-c', verified: false },
            ],
          },
        },
      ],
    });
    assert.ok(
      out.includes('c.yaml|claim-a|scope.asOf|a regulatory claim needs an as-of date'),
      out.join('\n'),
    );
    assert.ok(
      out.includes('c.yaml|claim-c|evidence|an unverified claim cannot be rated regulatory or rct'),
      out.join('\n'),
    );
  });
  it('refuses established claims that rest only on marketing or news', () => {
    const out = problems({
      sources: [{ file: 's.yaml', data: { sources: [{ ...source, type: 'news' }] } }],
      claims: [{ file: 'c.yaml', data: { claims: [claim] } }],
    });
    assert.deepEqual(out, [
      'c.yaml|claim-a|evidence|a claim resting only on marketing or news sources cannot be rated regulatory or rct',
    ]);
  });
  it('ships a base that covers the seed topics with at least 40 claims', () => {
    assert.ok(builtInClaimBase.claims.length >= 40);
    const ids = new Set(builtInClaimBase.claims.map((c) => c.id));
    for (const id of [
      'esketamine-fda-trd-2019',
      'esketamine-rems',
      'ketamine-racemic-fda-status',
      'ketamine-compounded-fda-2023',
      'oral-sublingual-ketamine-evidence',
      'auvelity-indication-mdd',
      'psilocybin-us-status',
      'psilocybin-australia-2023',
      'psilocybin-nz-2025',
      'trd-prevalence',
      'ssri-onset',
      'lamotrigine-status-evidence',
      'd-cycloserine-experimental',
      'vortioxetine-trauma-posthoc',
    ]) {
      assert.ok(ids.has(id), id);
    }
    const seeds = builtInClaimBase.sources.filter((s) => s.seed);
    assert.equal(seeds.length, 5);
  });
});
