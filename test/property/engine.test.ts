/**
 * The engine never throws, always finishes, keeps every range inside the text on whole code
 * points, and gives the same answer twice, for any draft in any language and profile.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { configSchema, profiles, type Config } from '../../server/src/config/schema.ts';
import { lint } from '../../server/src/engine/lint.ts';
import type { Language } from '../../server/src/engine/parse.ts';
import { builtInClaimBase } from '../../server/src/knowledge/builtin.ts';
import { bigDraft, language, realFragments, smallDraft } from './arbitraries.ts';
import { resultProblems } from './invariants.ts';
import { runs } from './runs.ts';

const config: fc.Arbitrary<Config> = fc
  .record({
    profile: fc.constantFrom(...profiles),
    citationStyle: fc.constantFrom('footnote' as const, 'link' as const),
    requireSuppressionReason: fc.boolean(),
  })
  .map((c) => configSchema().parse(c));

function lintChecked(text: string, lang: Language, cfg: Config): void {
  const options = { claimBase: builtInClaimBase, language: lang, config: cfg };
  const first = lint(text, options);
  const problems = resultProblems(text, first);
  assert.deepEqual(problems, [], `invariants broken for ${JSON.stringify(text.slice(0, 300))}`);
  // Same input, same output: nothing depends on state left over from an earlier call.
  assert.deepEqual(lint(text, options), first);
}

describe('engine on hostile input', () => {
  it('small random and half-written drafts (8,000 cases)', { timeout: 180_000 }, () => {
    fc.assert(
      fc.property(smallDraft, language, config, (text, lang, cfg) => lintChecked(text, lang, cfg)),
      runs(8_000),
    );
  });

  it('drafts made only of real overclaim sentences fire rules with in-range edits (2,000 cases)', () => {
    let findings = 0;
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...realFragments), { minLength: 1, maxLength: 8 }),
        fc.constantFrom('\n', '\n\n', '\r\n\r\n', ' ', '\r'),
        language,
        config,
        (parts, eol, lang, cfg) => {
          const text = parts.join(eol);
          findings += lint(text, { claimBase: builtInClaimBase, language: lang, config: cfg })
            .findings.length;
          lintChecked(text, lang, cfg);
        },
      ),
      runs(2_000),
    );
    // Guard against a generator that silently stops exercising the rules.
    assert.ok(findings > 2_000, `only ${findings} findings over the run`);
  });

  it(
    'huge lines, tables, deep nesting and unterminated blocks (60 cases)',
    { timeout: 180_000 },
    () => {
      fc.assert(
        fc.property(bigDraft, language, (text, lang) => {
          const result = lint(text, { claimBase: builtInClaimBase, language: lang });
          assert.deepEqual(resultProblems(text, result), []);
        }),
        runs(60),
      );
    },
  );
});
