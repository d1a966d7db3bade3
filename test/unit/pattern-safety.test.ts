/**
 * No matcher can be driven into catastrophic (super-linear) time: every phrase set built from
 * the shipped claim base, phrases a hostile user claim base may contain, the tokenizer, the
 * sentence splitter, the suppression parser, and lint() end to end on adversarial text.
 *
 * Times are never compared with a fixed number of milliseconds: the check is that ten times the
 * input costs at most ~40 times the time (linear is 10×; backtracking is orders of magnitude).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findBareUrls } from '../../server/src/engine/bare-urls.ts';
import { indexKnowledge, phraseSet } from '../../server/src/engine/knowledge-index.ts';
import { lint } from '../../server/src/engine/lint.ts';
import { compilePhrase, PhraseSet } from '../../server/src/engine/phrase.ts';
import { splitSentences } from '../../server/src/engine/sentences.ts';
import { parseDirectives } from '../../server/src/engine/suppressions.ts';
import { tokenize, type Token } from '../../server/src/engine/tokens.ts';
import { builtInClaimBase } from '../../server/src/knowledge/builtin.ts';
import { extendClaimBase, type ClaimBase } from '../../server/src/knowledge/compile.ts';

/**
 * Linear is 10×; a quadratic matcher is 100× and backtracking far more. The margin covers 100k-
 * token inputs outgrowing the CPU caches (measured up to ~32× for plainly linear loops).
 */
const MAX_RATIO = 40;

/** Seconds per call, from enough calls to last ~30 ms, best of three (noise only adds time). */
function perCall(run: () => unknown): number {
  let best = Infinity;
  for (let trial = 0; trial < 3; trial++) {
    let calls = 0;
    const start = performance.now();
    let elapsed = 0;
    do {
      run();
      calls++;
      elapsed = performance.now() - start;
    } while (elapsed < 30);
    best = Math.min(best, elapsed / calls);
  }
  return best;
}

/**
 * Fails when 10× the input costs more than MAX_RATIO× the time in each of five attempts: the
 * machine may be busy during one measurement, but a quadratic matcher is slow in all of them.
 */
function assertLinear<T>(
  name: string,
  make: (n: number) => T,
  run: (input: T) => unknown,
  n: number,
): void {
  const small = make(n);
  const large = make(n * 10);
  run(small); // warm up the JIT on the same shapes
  let best = Infinity;
  for (let attempt = 0; attempt < 5 && best > MAX_RATIO; attempt++)
    best = Math.min(best, perCall(() => run(large)) / perCall(() => run(small)));
  assert.ok(best <= MAX_RATIO, `${name}: 10× the input took ${best.toFixed(1)}× the time`);
}

/** `words` repeated to `n` tokens. */
const repeatTokens = (words: string[], n: number): Token[] =>
  tokenize(Array.from({ length: Math.ceil(n / words.length) }, () => words.join(' ')).join(' '));

/** The words of a phrase pattern as text: first alternative, `*` as a word, optional kept. */
function patternWords(phrase: string): string[] {
  return phrase
    .trim()
    .split(/\s+/)
    .map((w) => w.replace(/\?$/, '').split('|')[0] ?? '')
    .map((w) => (w === '*' ? 'anything' : w));
}

/** Every phrase of the shipped base, by the set it is compiled into. */
function shippedPhraseGroups(base: ClaimBase): [string, string[]][] {
  const groups: [string, string[]][] = Object.entries(base.lexicon).map(([category, terms]) => [
    `lexicon ${category}`,
    terms.flatMap((t) => t.phrases),
  ]);
  for (const [rule, triggers] of Object.entries(base.triggers))
    groups.push([
      `triggers ${rule}`,
      triggers.flatMap((t) => [...t.phrases, ...t.except, ...t.requires.flat()]),
    ]);
  groups.push([
    'claim recognisers and figures',
    base.claims.flatMap((c) => [
      ...(c.recognise?.allOf.flat() ?? []),
      ...(c.figure?.about.flat() ?? []),
    ]),
  ]);
  return groups.filter(([, phrases]) => phrases.length > 0);
}

/** Phrases a hostile claim-base file might carry: wildcards, optional chains, wide alternatives. */
const HOSTILE_PHRASES = [
  '* * * * * * * * * * * x',
  'a? a? a? a? a? a? a? a? a? a? a? b',
  'a * a * a * a * a * a b',
  `${Array.from({ length: 40 }, (_, i) => `w${i}`).join('|')} a? a? a? a? a? a? a? a? a? a? z`,
  '(a+)+$ .*.*.*=x',
  '\\d+\\d+\\d+ [a-z]*[a-z]*',
];

describe('pattern safety: linear time on adversarial input', () => {
  it('every shipped phrase set, on its own near-misses repeated (10k → 100k tokens)', () => {
    for (const [name, phrases] of shippedPhraseGroups(builtInClaimBase)) {
      const set = phraseSet(phrases);
      // Each phrase without its last word, then the whole phrase: a near miss at every token.
      const words = phrases.flatMap((p) => {
        const w = patternWords(p);
        return [...w.slice(0, -1), ...w];
      });
      assertLinear(
        name,
        (n) => repeatTokens(words, n),
        (tokens) => set.matchAll(tokens),
        10_000,
      );
    }
  });

  it('the compiled lexicon and triggers on one repeated trigger prefix (100k tokens)', () => {
    const kb = indexKnowledge(builtInClaimBase);
    const sets = [...Object.values(kb.lexicon), ...kb.triggers.values()];
    for (const prefix of [['no', 'side'], ['works', 'for'], ['ketamine'], ['not', 'only']])
      assertLinear(
        `prefix "${prefix.join(' ')}"`,
        (n) => repeatTokens(prefix, n),
        (tokens) => sets.forEach((s) => s.matchAll(tokens)),
        10_000,
      );
  });

  it('hostile user phrases compile to the automaton and match in linear time', () => {
    for (const phrase of HOSTILE_PHRASES) {
      const set = new PhraseSet([compilePhrase(phrase, null)]);
      for (const words of [['a'], ['a', 'x'], ['w1', 'a', 'd']])
        assertLinear(
          `“${phrase.slice(0, 30)}” on “${words.join(' ')}”`,
          (n) => repeatTokens(words, n),
          (tokens) => set.matchAll(tokens),
          10_000,
        );
    }
  });

  it('a user claim base with hostile phrases keeps lint() linear', () => {
    const base = extendClaimBase(builtInClaimBase, [
      {
        file: 'hostile.yaml',
        data: {
          sources: [
            {
              id: 'clinic-leaflet',
              type: 'marketing',
              authors: 'Example Clinic',
              title: 'Leaflet',
              venue: 'Example Clinic',
              year: 2024,
              verified: true,
            },
          ],
          claims: [
            {
              id: 'hostile-claim',
              topic: 'efficacy',
              statement: 'A claim whose phrases try to make the matcher backtrack.',
              evidence: 'emerging',
              verified: true,
              sources: ['clinic-leaflet'],
              recognise: {
                agents: ['ketamine'],
                allOf: HOSTILE_PHRASES.map((p) => [p]),
              },
              figure: { about: [HOSTILE_PHRASES.slice(0, 3)], min: 1, max: 2 },
            },
          ],
        },
      },
    ]);
    assertLinear(
      'lint with hostile claim base',
      (n) => `Ketamine ${'a x '.repeat(n / 4)}works for 50% of patients.`,
      (text) => lint(text, { claimBase: base, language: 'text', today: '2026-01-01' }),
      5_000,
    );
  });

  it('tokenizer, sentence splitter and suppression parser', () => {
    assertLinear('tokenize apostrophes', (n) => "a'".repeat(n / 2), tokenize, 20_000);
    assertLinear('tokenize marks', (n) => 'e\u0301'.repeat(n / 2), tokenize, 20_000);
    for (const unit of ['.', '!?', '.)', 'a. ', 'e.g. ', 'Dr. x. ', '. a'])
      assertLinear(`split “${unit}”`, (n) => unit.repeat(n / unit.length), splitSentences, 20_000);
    for (const pad of [' ', '-', '*/ ', '--> ', ', '])
      assertLinear(
        `directive padded with “${pad}”`,
        (n) => [
          {
            value: `<!-- overclaim-disable-next-line cure-claim${pad.repeat(n / pad.length)}x -->`,
            start: 0,
            end: 1,
          },
        ],
        parseDirectives,
        20_000,
      );
  });

  it('bare URL and address scan', () => {
    for (const unit of ['(www.a', 'www.a_', '_www.', 'http://', 'https://a)', 'a@', '@a.', 'x.y@'])
      assertLinear(
        `bare URLs in “${unit}”`,
        (n) => unit.repeat(n / unit.length),
        findBareUrls,
        20_000,
      );
    assertLinear(
      'URL ending in parentheses',
      (n) => `https://a.b/${')'.repeat(n)}`,
      findBareUrls,
      20_000,
    );
  });

  it('citation and figure regexes on look-alikes that never close (plain text: no parser)', () => {
    // In Markdown these shapes are dominated by the parser: micromark takes quadratic time on
    // thousands of nested emphasis delimiters or unclosed `[x](` (see SECURITY.md, known limits).
    for (const [name, make] of [
      ['numbered citation look-alikes', (n: number) => '[1, 2 - 3, '.repeat(n / 11)],
      ['footnote look-alikes', (n: number) => 'ketamine cures [^'.repeat(n / 17)],
      ['author-year without a year', (n: number) => '(Smith and Jones, '.repeat(n / 18)],
      ['emphasis', (n: number) => `${'*_'.repeat(n / 4)}ketamine cures${'_*'.repeat(n / 4)}`],
    ] as const)
      assertLinear(
        name,
        make,
        (text) =>
          lint(text, { claimBase: builtInClaimBase, language: 'text', today: '2026-01-01' }),
        10_000,
      );
  });

  it('lint() end to end on adversarial drafts (10k → 100k characters)', () => {
    const shapes: [string, (n: number) => string][] = [
      ['one sentence of repeated triggers', (n) => 'ketamine cures depression '.repeat(n / 26)],
      ['near-miss trigger prefixes', (n) => 'ketamine has no side '.repeat(n / 21)],
      ['a run of dots', (n) => `Ketamine cures depression${'.'.repeat(n)} Next.`],
      ['unclosed typographic quotes', (n) => '“ketamine cures '.repeat(n / 16)],
      ['unclosed straight quotes', (n) => "'ketamine cures ".repeat(n / 16)],
      ['author-year look-alikes', (n) => '(Smith et al, 19'.repeat(n / 16)],
      ['figure look-alikes', (n) => 'ketamine 1.1 in one 99 percent '.repeat(n / 31)],

      ['entities', (n) => 'Ketamine cures &lt; depression &amp'.repeat(n / 35)],
      [
        'suppression comments',
        (n) => '<!-- overclaim-disable cure-claim -->ketamine cures\n'.repeat(n / 51),
      ],
      ['nested blockquote markers', (n) => `${'> '.repeat(n / 2)}ketamine cures depression`],
      [
        'benefit sentences with the risk statement last',
        (n) => `${'Ketamine helps depression. '.repeat(n / 27)}Ketamine has side effects.`,
      ],
      ['one 100k-character word', (n) => `ketamine ${'x'.repeat(n)} cures`],
      // micromark is quadratic in these; over-dense paragraphs are parsed without their markers.
      ['unclosed links without spaces', (n) => `Ketamine cures. ${'[x]('.repeat(n / 4)}`],
      ['nested emphasis delimiters', (n) => `Ketamine cures. ${'*_'.repeat(n / 2)}`],
      ['links, emphasis and words mixed', (n) => `Ketamine cures. ${'a*b_c[d]('.repeat(n / 9)}`],
    ];
    for (const [name, make] of shapes)
      for (const language of ['markdown', 'text'] as const)
        assertLinear(
          `${name} (${language})`,
          make,
          (text) => lint(text, { claimBase: builtInClaimBase, language, today: '2026-01-01' }),
          10_000,
        );
  });
});
