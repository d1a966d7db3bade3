import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { splitSentences } from '../../server/src/engine/sentences.ts';
import { LineIndex } from '../../server/src/engine/positions.ts';

const split = (t: string) => splitSentences(t).map((s) => t.slice(s.start, s.end));

describe('sentences', () => {
  it('splits on terminal punctuation before a capital', () => {
    assert.deepEqual(split('It works. Does it? Yes!'), ['It works.', 'Does it?', 'Yes!']);
  });
  it('does not split abbreviations, initials or decimals', () => {
    assert.deepEqual(
      split('See Murrough et al. 2013 and e.g. Spravato. A dose of 0.5 mg/kg was used.'),
      ['See Murrough et al. 2013 and e.g. Spravato.', 'A dose of 0.5 mg/kg was used.'],
    );
    assert.deepEqual(split('Dr. J. Smith said so.'), ['Dr. J. Smith said so.']);
  });
  it('keeps closing quotes with their sentence', () => {
    assert.deepEqual(split('They said “it cures.” We disagree.'), [
      'They said “it cures.”',
      'We disagree.',
    ]);
  });
});

describe('line index', () => {
  it('gives 1-based lines and UTF-16 columns for LF, CRLF and CR', () => {
    const text = 'a\r\nb\rc\nd😀e';
    const idx = new LineIndex(text);
    assert.deepEqual(idx.at(0), { line: 1, column: 1, offset: 0 });
    assert.deepEqual(idx.at(3), { line: 2, column: 1, offset: 3 });
    assert.deepEqual(idx.at(5), { line: 3, column: 1, offset: 5 });
    assert.deepEqual(idx.at(text.indexOf('e')), { line: 4, column: 4, offset: text.indexOf('e') });
  });
  it('gives every offset the line and column counted by hand, with or without CR (2,000 cases)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', 'b', ' ', '\n', '\r', '\r\n')), (parts) => {
        const text = parts.join('');
        const idx = new LineIndex(text);
        let line = 1;
        let column = 1;
        for (let offset = 0; offset <= text.length; offset++) {
          assert.deepEqual(idx.at(offset), { line, column, offset });
          const c = text[offset];
          if (c === '\n' || (c === '\r' && text[offset + 1] !== '\n')) {
            line++;
            column = 1;
          } else column++;
        }
        assert.equal(idx.lineCount, line);
      }),
      { numRuns: 2000 },
    );
  });
});
