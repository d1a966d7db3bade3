/**
 * Before parsing, the whole text is scanned for nesting and inline-marker density that would
 * make micromark slow (prose.ts). The scans skip what cannot matter (the rest of a line once it
 * cannot open a container; paragraphs, when the whole text has few markers); here the plain
 * character-by-character definitions are the oracle.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  deepestNesting,
  hasOverDenseParagraph,
  MAX_INLINE_MARKERS,
} from '../../server/src/engine/prose.ts';
import { runs } from './runs.ts';

/** Container markers opening each line, counted one character at a time. */
function deepestNestingOracle(text: string): number {
  let deepest = 0;
  for (const line of text.split(/\r|\n/)) {
    let depth = 0;
    let i = 0;
    while (i < line.length) {
      const c = line[i] as string;
      const spaceAfter = line[i + 1] === ' ' || line[i + 1] === '\t';
      if (c === ' ' || c === '\t') {
        i++;
        continue;
      }
      if (c === '>' || ('-*+'.includes(c) && spaceAfter)) {
        depth++;
        i++;
      } else {
        const digits = /^\d{1,9}/.exec(line.slice(i))?.[0];
        const after = digits ? line.slice(i + digits.length, i + digits.length + 2) : '';
        if (!digits || !/^[.)][ \t]/.test(after)) break;
        depth++;
        i += digits.length + 1;
      }
      deepest = Math.max(deepest, depth);
    }
  }
  return deepest;
}

/** Paragraphs are runs of non-blank lines; a line ends at CRLF, CR or LF. */
function overDenseOracle(text: string): boolean {
  let markers = 0;
  for (const line of text.split(/\r\n|\r|\n/)) {
    if (/^[ \t]*$/.test(line)) markers = 0;
    else markers += (line.match(/[[\]*_]/g) ?? []).length;
    if (markers > MAX_INLINE_MARKERS) return true;
  }
  return false;
}

const linePieces = [
  '> ',
  '>',
  '- ',
  '-',
  '* ',
  '*',
  '+ ',
  '1. ',
  '12) ',
  '1234567890. ',
  '3.',
  ' ',
  '\t',
];
const line = fc
  .tuple(fc.array(fc.constantFrom(...linePieces), { maxLength: 12 }), fc.string({ maxLength: 8 }))
  .map(([prefix, rest]) => prefix.join('') + rest);
const nestedText = fc
  .tuple(fc.array(line, { maxLength: 12 }), fc.constantFrom('\n', '\r\n', '\r'))
  .map(([lines, eol]) => lines.join(eol));

describe('pre-parse scans', () => {
  it('deepestNesting counts what a character-by-character scan counts (5,000 cases)', () => {
    fc.assert(
      fc.property(nestedText, (text) => {
        assert.equal(deepestNesting(text), deepestNestingOracle(text), JSON.stringify(text));
      }),
      runs(5_000),
    );
  });

  it('hasOverDenseParagraph sees a dense paragraph however many markers the rest has', () => {
    const dense = '*'.repeat(MAX_INLINE_MARKERS + 1);
    const sparse = `${'[a] '.repeat(MAX_INLINE_MARKERS / 4)}\n`;
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(dense, sparse, 'text _x_\n', '\n', '\r\n', ' \n', '['), {
          maxLength: 10,
        }),
        (parts) => {
          const text = parts.join('');
          assert.equal(hasOverDenseParagraph(text), overDenseOracle(text), JSON.stringify(parts));
        },
      ),
      runs(500),
    );
    // CRLF ends a line, not a paragraph: 1,000 + 1 + 1,000 markers in one paragraph.
    assert.equal(hasOverDenseParagraph(`${sparse}[\r\n${sparse}`), true);
  });
});
