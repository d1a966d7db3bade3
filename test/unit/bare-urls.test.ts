/**
 * Bare URLs and addresses (GFM autolink literals), found in the text instead of by the parser:
 * what counts as one and where it ends, and what the rules make of drafts that contain them.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findBareUrls } from '../../server/src/engine/bare-urls.ts';
import { lint } from '../../server/src/engine/lint.ts';
import { extractProse } from '../../server/src/engine/prose.ts';
import { builtInClaimBase } from '../../server/src/knowledge/builtin.ts';

/** The URLs found in `text`, as [shown text, link target]. */
function urls(text: string): [string, string][] {
  return findBareUrls(text).map((u) => [text.slice(u.start, u.end), u.url]);
}

describe('findBareUrls', () => {
  const cases: [string, [string, string][]][] = [
    [
      'See https://pubmed.ncbi.nlm.nih.gov/123/.',
      [['https://pubmed.ncbi.nlm.nih.gov/123/', 'https://pubmed.ncbi.nlm.nih.gov/123/']],
    ],
    ['Visit www.example.com, then', [['www.example.com', 'http://www.example.com']]],
    ['HTTPS://EXAMPLE.ORG/A?b=c!', [['HTTPS://EXAMPLE.ORG/A?b=c', 'HTTPS://EXAMPLE.ORG/A?b=c']]],
    [
      '(see https://en.wikipedia.org/wiki/Ketamine_(drug))',
      [
        [
          'https://en.wikipedia.org/wiki/Ketamine_(drug)',
          'https://en.wikipedia.org/wiki/Ketamine_(drug)',
        ],
      ],
    ],
    ['(https://a.org/x)', [['https://a.org/x', 'https://a.org/x']]],
    ['at https://a.org/x&hl; now', [['https://a.org/x', 'https://a.org/x']]],
    ['“https://a.org/x”', [['https://a.org/x', 'https://a.org/x']]],
    [
      'Write to info@clinic.example.com.',
      [['info@clinic.example.com', 'mailto:info@clinic.example.com']],
    ],
    ['mailto:a.b+c@x.org', [['mailto:a.b+c@x.org', 'mailto:a.b+c@x.org']]],
    ['*www.a.org*', [['www.a.org', 'http://www.a.org']]],
    // Not URLs: no dot after www., a scheme glued to a word, www. inside a word, bare domains,
    // an address without a dot in its domain or ending in `-`, or glued to a slash.
    ['www.example', []],
    ['foohttps://a.org', []],
    ['awww.a.org', []],
    ['example.com and ketamine.org', []],
    ['user@localhost', []],
    ['a@b-.c-', []],
    ['path/a@b.org', []],
    ['www.a_b.c_d', []],
    ['https://', []],
    ['no links here: none at all', []],
  ];
  for (const [text, expected] of cases)
    it(JSON.stringify(text), () => assert.deepEqual(urls(text), expected));
});

describe('bare URLs in drafts', () => {
  const run = (text: string) =>
    lint(text, { claimBase: builtInClaimBase, language: 'markdown', today: '2026-01-01' });

  it('are not prose: words inside a domain trigger nothing', () => {
    const text =
      'Read more at www.ketamine-cures-depression.com or https://cure-depression-now.example/cures.\n';
    assert.deepEqual(
      run(text).findings.filter((f) => f.ruleId === 'cure-claim'),
      [],
    );
    const prose = extractProse(text, 'markdown').segments[0];
    assert.ok(prose && !/cure/i.test(prose.text), prose?.text);
  });

  it('count as a citation when they point at a study', () => {
    const claim =
      'Spravato was approved by the FDA in March 2019 for treatment-resistant depression in adults';
    const cited = run(
      `${claim} https://www.accessdata.fda.gov/drugsatfda_docs/label/2019/211243lbl.pdf.\n`,
    );
    const bare = run(`${claim}.\n`);
    const uncited = (r: ReturnType<typeof run>) =>
      r.findings.filter((f) => f.ruleId === 'missing-citation');
    assert.ok(uncited(bare).length > 0, 'the bare claim needs a citation');
    assert.deepEqual(uncited(cited), []);
  });

  it('keep real offsets for the prose after them', () => {
    const text = 'See https://a.org/x and www.b.org, then: ketamine cures depression.';
    const cure = run(text).findings.find((f) => f.ruleId === 'cure-claim');
    assert.equal(cure && text.slice(cure.start, cure.end), 'cures');
  });

  it('are left alone in link text and code', () => {
    const text = '[www.a.org is a site](https://b.org) and `https://c.org`\n';
    const segment = extractProse(text, 'markdown').segments[0];
    assert.deepEqual(
      segment?.links.map((l) => l.url),
      ['https://b.org'],
    );
  });
});
