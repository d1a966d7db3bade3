import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extractProse } from '../../server/src/engine/prose.ts';

/** The source text that each character of the extracted prose came from must be that character. */
function assertAligned(source: string, language: 'markdown' | 'mdx' | 'text' = 'markdown') {
  const doc = extractProse(source, language);
  for (const seg of doc.segments) {
    for (let i = 0; i < seg.text.length; i++) {
      const ch = seg.text[i] ?? '';
      if (ch === ' ' || ch === '\n') continue;
      const at = seg.offsets.at(i) ?? -1;
      const src = source[at] ?? '';
      assert.ok(
        src === ch || src === '&',
        `char ${JSON.stringify(ch)} maps to ${JSON.stringify(src)} at ${at}`,
      );
    }
  }
  return doc;
}

describe('prose extraction', () => {
  it('skips code, front matter, HTML comments and link URLs', () => {
    const doc = assertAligned(
      '---\ntitle: cures\n---\n# Title\n\nText with `cures` and [a link](https://cures.example) <!-- cures -->.\n\n```\ncures\n```\n',
    );
    const all = doc.segments.map((s) => s.text).join('|');
    assert.equal(all.includes('cures'), false);
    assert.match(all, /a link/);
    assert.equal(doc.comments.length, 1);
  });
  it('keeps offsets exact through escapes and entities', () => {
    const source = 'It \\*really\\* has no side&nbsp;effects &amp; more &#8212; ok.';
    const doc = assertAligned(source);
    const seg = doc.segments[0];
    assert.ok(seg);
    const i = seg.text.indexOf('effects');
    assert.equal(source.slice(seg.offsets.at(i), (seg.offsets.at(i + 6) ?? 0) + 1), 'effects');
  });
  it('records footnote references as citations and skips their definitions', () => {
    const doc = assertAligned('Esketamine was approved in 2019.[^1]\n\n[^1]: FDA press release.\n');
    assert.equal(doc.segments.length, 1);
    assert.deepEqual(doc.footnoteLabels, new Set(['1']));
    assert.equal(doc.segments[0]?.citations.length, 1);
  });
  it('marks blockquotes, headings and table cells', () => {
    const doc = assertAligned('# Head\n\n> quoted text\n\n| a | b |\n|---|---|\n| c | d |\n');
    assert.deepEqual(
      doc.segments.map((s) => [s.kind, s.quoted]),
      [
        ['heading', false],
        ['paragraph', true],
        ['cell', false],
        ['cell', false],
        ['cell', false],
        ['cell', false],
      ],
    );
  });
  it('parses MDX comments and falls back to Markdown on broken MDX', () => {
    const ok = extractProse(
      'import X from "x"\n\n{/* overclaim-disable cure-claim -- quoted */}\n\nText <X>inside</X> here.\n',
      'mdx',
    );
    assert.equal(ok.comments.length, 1);
    assert.match(ok.segments.map((s) => s.text).join(' '), /inside/);
    const broken = extractProse('Text <Unclosed here.\n', 'mdx');
    assert.equal(broken.notices.length, 1);
    assert.match(broken.notices[0]?.message ?? '', /MDX could not be parsed/);
  });
  it('splits plain text into paragraphs', () => {
    const doc = assertAligned('One para.\nSame para.\n\nSecond para.\r\n\r\nThird.', 'text');
    assert.deepEqual(
      doc.segments.map((s) => s.text),
      ['One para.\nSame para.', 'Second para.', 'Third.'],
    );
  });
});
