/**
 * Markdown prose is read from micromark's events without a syntax tree (engine/event-prose.ts).
 * Here the tree is the oracle: on random documents dense in the inline syntax whose handling
 * differs between constructs (escapes, references, breaks, links, task lists, setext headings,
 * HTML, front matter) and on hostile drafts, both ways must give the same prose: every segment
 * with its offsets, links and citations, every comment, front matter, footnote labels and
 * whether appended text would be swallowed.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { extractProse, proseOfTree, type ProseDocument } from '../../server/src/engine/prose.ts';
import { smallDraft } from './arbitraries.ts';
import { runs } from './runs.ts';

function comparable(doc: ProseDocument) {
  return {
    ...doc,
    footnoteLabels: [...doc.footnoteLabels].sort(),
    segments: doc.segments.map((s) => ({ ...s, offsets: s.offsets.toArray() })),
  };
}

function assertSameProse(text: string): ProseDocument {
  const fromEvents = extractProse(text, 'markdown');
  assert.deepEqual(
    comparable(fromEvents),
    comparable(proseOfTree(text, 'markdown')),
    `events and tree disagree on ${JSON.stringify(text)}`,
  );
  return fromEvents;
}

/** Inline and block syntax whose nodes prose reads differently. */
const pieces = [
  'ketamine cures depression',
  'may help',
  ' ',
  '  ',
  '\t',
  '\n',
  '\r\n',
  '\r',
  '\n\n',
  '  \n',
  '\\\n',
  '> ',
  '- ',
  '- [x] ',
  '- [ ]\t',
  '* [X]  ',
  '1. [x] ',
  '   ',
  '    ',
  '# ',
  '## Heading ##',
  '\n===\n',
  '\n---\n',
  '```\ncode\n```\n',
  '~~~',
  '`code`',
  '``a\nb``',
  '*',
  '**',
  '_',
  '~~',
  '*a\nb*',
  '~~a\nb~~',
  '\\*',
  '\\[',
  '\\',
  '&amp;',
  '&copy;',
  '&#65;',
  '&#x1F600;',
  '&#0;',
  '&nosuch;',
  '[a](https://x.org/a "title")',
  "[a\nb](<https://x.org/a b> 't')",
  '[https://x.org](https://x.org)',
  '[www.x.org](http://www.x.org)',
  '[a &amp; \\* b](u\\*v&amp;w)',
  '[a](\nu)',
  '[a][b]',
  '[a][]',
  '[b]',
  '[a]',
  '[b]: https://x.org/b "t"\n',
  '\n[a]: <u> (t)\n',
  '![alt *x*](i.png)',
  '[![img](i.png) text](u)',
  '<https://x.org/p?q=1>',
  '<mailto:a@b.org>',
  '<a@b.org>',
  'see https://pubmed.ncbi.nlm.nih.gov/1/ and www.x.org.',
  '[^1]',
  '[^n]: Smith 2021.\n',
  '\n[^1]: A source.\n',
  '<span>',
  '</span>',
  '<!-- overclaim-disable-next-line cure-claim -->',
  '<!-- a\nb -->',
  '\n<div>\nblock\n</div>\n',
  '\n<!--\nflow\n-->\n',
  '| a | b |\n|---|---|\n| *c* | [d](u) |\n',
  '| x \\| y | `z` |\n',
  '---\ntitle: x\n---\n',
  '\0',
  '😀',
  '\u00A0',
  '\uFEFF',
];

const markdownDraft = fc
  .array(fc.constantFrom(...pieces), { maxLength: 30 })
  .map((parts) => parts.join(''));

describe('prose from events equals prose from the tree', () => {
  it('on drafts dense in Markdown syntax (10,000 cases)', { timeout: 180_000 }, () => {
    let segments = 0;
    let links = 0;
    fc.assert(
      fc.property(markdownDraft, (text) => {
        const doc = assertSameProse(text);
        segments += doc.segments.length;
        links += doc.segments.reduce((n, s) => n + s.links.length, 0);
      }),
      runs(10_000),
    );
    // Guard against a generator that stops making prose.
    assert.ok(segments > 8_000 && links > 5_000, `${segments} segments, ${links} links`);
  });

  it('on hostile drafts (3,000 cases)', { timeout: 180_000 }, () => {
    fc.assert(
      fc.property(smallDraft, (text) => {
        assertSameProse(text);
      }),
      runs(3_000),
    );
  });

  it('on the fixtures and example drafts', () => {
    const root = join(import.meta.dirname, '..', '..');
    const dirs = [join(root, 'test', 'fixtures'), join(root, 'examples')];
    let files = 0;
    for (const dir of dirs)
      for (const name of readdirSync(dir).filter((n) => n.endsWith('.md'))) {
        assertSameProse(readFileSync(join(dir, name), 'utf8'));
        files++;
      }
    assert.ok(files > 5, `only ${files} files`);
  });
});
