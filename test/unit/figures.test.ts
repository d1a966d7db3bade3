import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { everyFigure, findFigures } from '../../server/src/engine/figures.ts';

const text = (figures: { start: number; end: number }[], t: string) =>
  figures.map((f) => t.slice(f.start, f.end));

/** Pieces of figures and near-misses, in any case, joined by any spacing. */
const PIECES = (
  '40|7.5|1200|%|percent|Per Cent|per|cent|in|IN|out of|of|one|Two|ten|twenty|hundred|' +
  'a hundred|half|a third|one-third|Two Thirds|three-quarters|a quarter|the majority|majority|' +
  'someone|often|patients|ſix|K|(|)|.|,|-'
).split('|');
const SPACING = [' ', '', '  ', '\n', '\t', '\u00a0'];

describe('figures', () => {
  it('finds percentages, "N in M" and fractions, with their values', () => {
    const t = 'About 40% improved, one in three relapsed and half of them left (7.5 percent).';
    const found = findFigures(t, 10);
    assert.deepEqual(
      found.map((f) => [t.slice(f.start - 10, f.end - 10), f.value]),
      [
        ['40%', 40],
        ['one in three', null],
        ['half of', null],
        ['7.5 percent', 7.5],
      ],
    );
  });

  it('passes over years, doses and number words that are not figures', () => {
    assert.deepEqual(findFigures('In 2019, 0.5 mg/kg was given to someone often.'), []);
  });

  it('finds exactly what the full pattern finds in any text (5,000 cases)', () => {
    const piece = fc.tuple(fc.constantFrom(...PIECES), fc.constantFrom(...SPACING));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (parts) => {
        const t = parts.map(([p, s]) => p + s).join('');
        assert.deepEqual(text(findFigures(t), t), text(everyFigure(t), t));
      }),
      { numRuns: 5000 },
    );
  });
});
