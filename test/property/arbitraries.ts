/**
 * fast-check arbitraries for hostile drafts: random Unicode (lone surrogates included), mixed
 * line endings, half-written Markdown/MDX syntax, and real overclaim sentences from the corpus
 * and fixtures so that the rules actually fire and produce findings and edits to check.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parse } from 'yaml';
import type { Language } from '../../server/src/engine/parse.ts';

const testDir = join(import.meta.dirname, '..');

/** Every corpus sentence plus every line of every fixture: the words the rules look for. */
export const realFragments: string[] = (() => {
  const corpus = parse(readFileSync(join(testDir, 'corpus', 'sentences.yaml'), 'utf8')) as {
    text: string;
  }[];
  const fixtureDir = join(testDir, 'fixtures');
  const fixtureLines = readdirSync(fixtureDir).flatMap((name) =>
    readFileSync(join(fixtureDir, name), 'utf8')
      .split(/\r?\n/)
      .filter((line) => line.trim() !== ''),
  );
  return [...corpus.map((c) => c.text), ...fixtureLines];
})();

/** Pieces of Markdown and MDX syntax, complete and broken, that parsers find hard. */
const syntax = [
  '\n',
  '\r\n',
  '\r',
  '\n\n',
  '\r\n\r\n',
  '\r\r',
  '> ',
  '>> ',
  '- ',
  '* ',
  '1. ',
  '   - ',
  '\t',
  '    ',
  '# ',
  '###### ',
  '```',
  '```md\n',
  '~~~',
  '`',
  '<!--',
  '-->',
  '<!-- overclaim-disable-next-line cure-claim -- quoting an ad -->',
  '<!-- overclaim-disable -->',
  '<!-- overclaim-enable -->',
  '<!-- overclaim-disable-next-line no-such-rule -->',
  '{/* overclaim-disable-next-line cure-claim */}',
  '{/*',
  '*/}',
  '{',
  '}',
  '<Callout ',
  '<Callout>',
  '</Callout>',
  '<div>',
  '</div>',
  'import X from "y"\n',
  'export const a = 1\n',
  '---\n',
  '---\noverclaim: { disable: [cure-claim] }\n',
  '---\noverclaim: [1, 2\n',
  '+++\n',
  '| a | b |\n',
  '|---|---|\n',
  '|',
  '[^1]',
  '[^1]: Smith J, et al. 2021.\n',
  '[link](https://pubmed.ncbi.nlm.nih.gov/1/)',
  '[broken](',
  '](',
  '<https://example.com>',
  '![img](a.png)',
  '**',
  '_',
  '~~',
  '\\',
  '\\*',
  '&amp;',
  '&#x1F600;',
  '&#0;',
  '&unknownentity;',
  '&',
  ';',
  '"',
  '“',
  '”',
  '’',
  "'",
  '(',
  ')',
  '. ',
  '?',
  '!',
  '…',
  '%',
  '100%',
  '3 in 10',
  'e.g. ',
  '—',
];

/** Characters that break naive offset arithmetic or look like something they are not. */
const hostileChars = [
  '\0',
  '\uD83D\uDE00', // 😀, a surrogate pair
  '\uD835\uDC00', // 𝐀, a letter outside the BMP
  '\uD800', // lone high surrogate
  '\uDC00', // lone low surrogate
  '\u0301', // combining acute accent
  '\u0327\u0301',
  'e\u0301',
  '\u202E', // right-to-left override
  '\u200F', // right-to-left mark
  'שלום',
  'مرحبا',
  '\u200B', // zero-width space
  '\u200D', // zero-width joiner
  '\u2060',
  '\uFEFF', // BOM in the middle
  '\u00A0',
  '\u2028', // line separator
  '\u2029',
  '\u0085',
  '\v',
  '\f',
  'İ', // lower-cases to two code units
  'ẞ',
  'ﬁ',
];

const loneSurrogate = fc
  .integer({ min: 0xd800, max: 0xdfff })
  .map((code) => String.fromCharCode(code));

/** Any UTF-16 code unit sequence, valid or not. */
const anyUnits = fc.string({
  unit: fc.oneof(
    { weight: 4, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) },
    { weight: 1, arbitrary: loneSurrogate },
    { weight: 2, arbitrary: fc.constantFrom(...hostileChars) },
  ),
  maxLength: 12,
});

const fragment = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...realFragments) },
  { weight: 4, arbitrary: fc.constantFrom(...syntax) },
  { weight: 2, arbitrary: fc.constantFrom(...hostileChars) },
  { weight: 2, arbitrary: anyUnits },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 16 }) },
);

/** A real sentence with hostile characters spliced into random places. */
const splicedSentence = fc
  .tuple(
    fc.constantFrom(...realFragments),
    fc.array(fc.tuple(fc.nat(), fc.constantFrom(...hostileChars, ...syntax)), { maxLength: 4 }),
  )
  .map(([sentence, inserts]) => {
    let text = sentence;
    for (const [at, piece] of inserts) {
      const i = at % (text.length + 1);
      text = text.slice(0, i) + piece + text.slice(i);
    }
    return text;
  });

/** Small hostile drafts: the bulk of the cases. */
export const smallDraft = fc
  .array(fc.oneof({ weight: 4, arbitrary: fragment }, { weight: 1, arbitrary: splicedSentence }), {
    maxLength: 24,
  })
  .map((parts) => parts.join(''));

export const language: fc.Arbitrary<Language> = fc.constantFrom('markdown', 'mdx', 'text');

const sentence = fc.constantFrom(...realFragments);

/** Big structures, each a known worst case for a parser or a position map. */
export const bigDraft = fc.oneof(
  // One 100,000-character line made of overclaim sentences.
  fc
    .array(sentence, { minLength: 1, maxLength: 4 })
    .map((s) => s.join(' ').replace(/\r?\n/g, ' ').repeat(1000).slice(0, 100_000)),
  // A 100,000-character line with no spaces at all.
  fc
    .constantFrom('x', 'ketamine', '😀', '\uD800', '*', '&amp;')
    .map((u) => u.repeat(100_000 / u.length)),
  // A huge table (up to ~300 kB, well past what a writer pastes).
  fc
    .tuple(sentence, fc.integer({ min: 2, max: 8 }), fc.integer({ min: 100, max: 800 }))
    .map(([cell, cols, rows]) => {
      const c = cell.replace(/[|\r\n]/g, ' ').slice(0, 50);
      const row = `|${` ${c} |`.repeat(cols)}\n`;
      return `|${' h |'.repeat(cols)}\n|${'---|'.repeat(cols)}\n${row.repeat(rows)}`;
    }),
  // Deeply nested blockquotes and lists.
  fc
    .tuple(sentence, fc.integer({ min: 10, max: 60 }), fc.constantFrom('> ', '- ', '1. ', '> - '))
    .map(([s, depth, marker]) =>
      Array.from(
        { length: depth },
        (_, i) => `${marker === '> ' ? '> '.repeat(i + 1) : '  '.repeat(i) + marker}${s}`,
      ).join('\n'),
    ),
  // Unterminated fence, comment, MDX expression or front matter before a long body.
  fc
    .tuple(
      fc.constantFrom('```\n', '~~~~\n', '<!-- ', '{/* ', '{', '---\ntitle: x\n', '<div>\n'),
      fc.array(sentence, { minLength: 50, maxLength: 300 }),
      fc.constantFrom('\n', '\r\n', '\r', '\n\n'),
    )
    .map(([opening, body, eol]) => opening + body.join(eol)),
  // Thousands of lines with every line ending mixed.
  fc
    .array(fc.tuple(sentence, fc.constantFrom('\n', '\r\n', '\r', '\n\r', '\r\r\n')), {
      minLength: 200,
      maxLength: 1200,
    })
    .map((lines) => lines.map(([s, eol]) => s + eol).join('')),
);
