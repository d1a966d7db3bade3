import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { compilePhrase, PhraseSet, PhraseSetGroup } from '../../server/src/engine/phrase.ts';
import { tokenize, tokenizeUnicode } from '../../server/src/engine/tokens.ts';

const matches = (patterns: string[], text: string) =>
  new PhraseSet(patterns.map((p) => compilePhrase(p, p)))
    .matchAll(tokenize(text))
    .map((m) => text.slice(m.start, m.end));

describe('phrase patterns', () => {
  it('matches words case-insensitively and across hyphens', () => {
    assert.deepEqual(matches(['side effect free'], 'A Side-Effect-Free treatment'), [
      'Side-Effect-Free',
    ]);
    assert.deepEqual(matches(['fda approved ketamine'], 'FDA-approved ketamine infusions'), [
      'FDA-approved ketamine',
    ]);
  });
  it('supports alternatives, optional words and wildcards', () => {
    assert.deepEqual(matches(['no|zero side effects|effect'], 'zero side effect'), [
      'zero side effect',
    ]);
    assert.deepEqual(matches(['repairs damaged? synapses'], 'it repairs synapses'), [
      'repairs synapses',
    ]);
    assert.deepEqual(matches(['repairs damaged? synapses'], 'it repairs damaged synapses'), [
      'repairs damaged synapses',
    ]);
    assert.deepEqual(matches(['never * depressed again'], 'you will never feel depressed again'), [
      'never feel depressed again',
    ]);
  });
  it('files each phrase under every word it can start with (its optional words skipped)', () => {
    const optionalHead = ['your? damaged? brain'];
    assert.deepEqual(matches(optionalHead, 'a brain'), ['brain']);
    // Every match at every start, as before phrases were compiled on first use.
    assert.deepEqual(matches(optionalHead, 'your damaged brain'), [
      'your damaged brain',
      'damaged brain',
      'brain',
    ]);
    assert.deepEqual(matches(optionalHead, 'damaged brain'), ['damaged brain', 'brain']);
    assert.deepEqual(matches(['* cures'], 'it cures'), ['it cures']);
    assert.deepEqual(matches(['side-effect? free'], 'free and side effect free'), [
      'free',
      'side effect free',
      'effect free',
      'free',
    ]);
  });
  it('folds typographic apostrophes', () => {
    assert.deepEqual(matches(["isn't addictive"], 'It isn’t addictive'), ['isn’t addictive']);
  });
  it('rejects patterns it cannot compile safely', () => {
    assert.throws(() => compilePhrase('a|side-effect', null), /one word/);
    assert.throws(() => compilePhrase('x? y?', null), /required word/);
    assert.throws(() => compilePhrase(Array(13).fill('w').join(' '), null), /at most 12/);
  });
});

describe('phrase set groups', () => {
  it('find exactly what each set finds alone, and nothing for sets without a match', () => {
    const words = ['no', 'side', 'effects', 'cures', 'it', 'never', 'again', 'x'];
    const patterns = fc.constantFrom(
      'no side effects',
      'side effects?',
      'cures',
      'never * again',
      'no|never',
      'it cures?',
      // Phrases sharing a first word, fixed or not, which the group narrows by the second word.
      'no effects',
      'never again',
      'no|never side|again',
      'no side? effects',
      // Phrases that can start with more than one word.
      'side? effects',
      'no? side-effects',
      '* again',
    );
    fc.assert(
      fc.property(
        fc.array(fc.array(patterns, { minLength: 1, maxLength: 3 }), {
          minLength: 1,
          maxLength: 4,
        }),
        fc.array(fc.constantFrom(...words), { maxLength: 12 }),
        (setPatterns, sentence) => {
          const sets = setPatterns.map((ps) => new PhraseSet(ps.map((p) => compilePhrase(p, p))));
          const tokens = tokenize(sentence.join(' '));
          const grouped = new PhraseSetGroup(sets).matchAll(tokens);
          sets.forEach((set, i) => {
            const alone = set.matchAll(tokens);
            assert.deepEqual(grouped[i] ?? [], alone);
            if (alone.length === 0) assert.equal(grouped[i], undefined);
          });
        },
      ),
      { numRuns: 1000 },
    );
  });
  it('keeps the order of phrases that match at the same word, narrowed or not', () => {
    const set = new PhraseSet(
      ['no side? effects', 'no side effects', 'no effects', 'no'].map((p) => compilePhrase(p, p)),
    );
    const tokens = tokenize('No side effects, and no effects at all: no.');
    const alone = set.matchAll(tokens);
    assert.deepEqual(
      alone.map((m) => m.value),
      ['no side? effects', 'no side effects', 'no', 'no side? effects', 'no effects', 'no', 'no'],
    );
    assert.deepEqual(new PhraseSetGroup([set]).matchAll(tokens)[0], alone);
  });
});

describe('tokenize', () => {
  it('gives the tokens of the Unicode word pattern, ASCII fast path or not (5,000 cases)', () => {
    const alphabet = [
      'a',
      'Z',
      'q',
      '7',
      ' ',
      '\n',
      '-',
      '.',
      ',',
      "'",
      '’',
      '‘',
      '"',
      '_',
      '%',
      'é',
      'E\u0301',
      'İ',
      'ß',
      '😀',
      '\u00A0',
      '²',
      'ǅ',
      'Ω',
      '\u200B',
    ];
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...alphabet), { maxLength: 40 }),
        fc.nat(1000),
        (chars, base) => {
          const text = chars.join('');
          assert.deepEqual(tokenize(text, base), tokenizeUnicode(text, base), JSON.stringify(text));
        },
      ),
      { numRuns: 5_000 },
    );
  });
  it('folds case and typographic apostrophes on the fast path too', () => {
    assert.deepEqual(
      tokenize("Ketamine’s DON'T x’").map((t) => t.word),
      ["ketamine's", "don't", 'x'],
    );
  });
});
