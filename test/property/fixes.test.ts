/**
 * Fixes never lose text. Against the product's own fixer (engine/fix.ts, shared by --fix and
 * the editor): safe suggestions are well-formed; the net edits are sorted, do not overlap and
 * explain the whole change (nothing outside them differs); fixing converges, and fixing the
 * fixed text changes nothing (applying fixes twice equals applying them once).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { configSchema } from '../../server/src/config/schema.ts';
import { applyEdits, editsConflict, fixText } from '../../server/src/engine/fix.ts';
import { lint } from '../../server/src/engine/lint.ts';
import type { Language } from '../../server/src/engine/parse.ts';
import { builtInClaimBase } from '../../server/src/knowledge/builtin.ts';
import { language, realFragments, smallDraft } from './arbitraries.ts';
import { differenceOutsideEdits } from './edit-check.ts';
import { runs } from './runs.ts';

const TODAY = '2026-01-01';
type Style = 'footnote' | 'link';

function fix(text: string, lang: Language, citationStyle: Style) {
  const config = configSchema().parse({ citationStyle });
  return fixText(
    text,
    (t) => lint(t, { claimBase: builtInClaimBase, language: lang, config, today: TODAY }).findings,
  );
}

function checkFix(text: string, lang: Language, citationStyle: Style): boolean {
  const once = fix(text, lang, citationStyle);
  assert.ok(once.converged, `safe fixes still offered after ${once.passes} passes`);
  once.edits.forEach((e, i) => {
    const next = once.edits[i + 1];
    assert.ok(e.start <= e.end && e.end <= text.length, `edit ${e.start}-${e.end} out of range`);
    if (next)
      assert.ok(e.end <= next.start, `net edits ${e.start}-${e.end} and ${next.start} overlap`);
  });
  assert.equal(differenceOutsideEdits(text, once.text, once.edits), undefined);
  assert.equal(applyEdits(text, once.edits), once.text);
  const twice = fix(once.text, lang, citationStyle);
  assert.equal(twice.text, once.text, 'fixing the fixed text changed it');
  assert.equal(twice.passes, 0);
  return once.passes > 0;
}

/** Drafts shaped like real posts: headings, paragraphs, lists and quotes of corpus sentences. */
const realisticDraft = fc
  .tuple(
    fc.array(
      fc.tuple(
        fc.constantFrom('', '', '', '# ', '- ', '> ', '1. ', '| '),
        fc.constantFrom(...realFragments),
      ),
      { minLength: 1, maxLength: 10 },
    ),
    fc.constantFrom('\n', '\n\n', '\r\n\r\n', '\r\n'),
    fc.constantFrom('', '\n', '\r\n', '\n```\n', '\n<!-- ', '\n\n    code'),
  )
  .map(([blocks, eol, ending]) => blocks.map(([m, s]) => m + s).join(eol) + ending);

const style = fc.constantFrom<Style>('footnote', 'link');

describe('safe fixes', () => {
  it('each safe suggestion is well-formed on its own (1,000 cases)', () => {
    fc.assert(
      fc.property(fc.oneof(realisticDraft, smallDraft), language, (text, lang) => {
        const { findings } = lint(text, {
          claimBase: builtInClaimBase,
          language: lang,
          today: TODAY,
        });
        for (const f of findings)
          for (const s of f.suggestions.filter((x) => x.safe)) {
            assert.ok(s.edits.length > 0, s.title);
            s.edits.forEach((e, i) =>
              s.edits.slice(i + 1).forEach((o) => assert.ok(!editsConflict(e, o), s.title)),
            );
          }
      }),
      runs(1_000),
    );
  });

  it('fixing loses no text, converges, and is idempotent on realistic drafts (1,000 cases)', () => {
    let fixed = 0;
    fc.assert(
      fc.property(realisticDraft, language, style, (text, lang, s) => {
        if (checkFix(text, lang, s)) fixed++;
      }),
      runs(1_000),
    );
    // Guard against a generator that stops producing fixable drafts.
    assert.ok(fixed > 100, `only ${fixed} drafts had a safe fix`);
  });

  it('fixing loses no text, converges, and is idempotent on hostile drafts (600 cases)', () => {
    fc.assert(
      fc.property(smallDraft, language, style, (text, lang, s) => {
        checkFix(text, lang, s);
      }),
      runs(600),
    );
  });
});
