import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { builtInClaimBase } from '../../server/src/knowledge/builtin.ts';
import { claimsMarkdown, sourcesMarkdown } from '../../server/src/knowledge/docs.ts';

describe('generated claim-base docs', () => {
  const claims = claimsMarkdown(builtInClaimBase);
  const sources = sourcesMarkdown(builtInClaimBase);
  it('lists every claim under its topic with level, scope and linked sources', () => {
    for (const c of builtInClaimBase.claims) assert.ok(claims.includes(`\n### ${c.id}\n`), c.id);
    assert.match(
      claims,
      /### esketamine-monotherapy-2025\n[\s\S]*?- \*\*As of:\*\* 2026-03[\s\S]*?- \*\*2025-01:\*\*/,
    );
    assert.match(claims, /\[Taylor MJ 2006\]\(sources\.md#taylor-2006-ssri-onset\)/);
  });
  it('lists every source with identifiers, seed verdicts and the claims citing it', () => {
    for (const s of builtInClaimBase.sources)
      assert.ok(sources.includes(`<a id="${s.id}"></a>`), s.id);
    assert.match(
      sources,
      /DOI \[10\.1001\/archpsyc\.63\.11\.1217\]\(https:\/\/doi\.org\/10\.1001\/archpsyc\.63\.11\.1217\)/,
    );
    assert.match(
      sources,
      /\| “Traditional antidepressants often take 4–6 weeks to begin working” \| contradicted \| \[ssri-onset\]\(claims\.md#ssri-onset\) \|/,
    );
  });
  it('is deterministic, and the checked-in files are current (npm run docs)', () => {
    assert.equal(claimsMarkdown(builtInClaimBase), claims);
    assert.equal(readFileSync(new URL('../../docs/claims.md', import.meta.url), 'utf8'), claims);
    assert.equal(readFileSync(new URL('../../docs/sources.md', import.meta.url), 'utf8'), sources);
  });
});
