/**
 * The incremental linter reuses a block's sentence-rule findings only while nothing they depend
 * on changed: these edits change only what lies outside the block, and the block's findings must
 * follow. (The property test covers random edits; these name the dependencies.)
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { configSchema } from '../../server/src/config/schema.ts';
import { IncrementalLinter } from '../../server/src/engine/incremental.ts';
import { lint, type LintOptions } from '../../server/src/engine/lint.ts';
import { builtInClaimBase } from '../../server/src/knowledge/builtin.ts';
import { asLintResult } from '../support/editor-lint.ts';

const options: LintOptions = {
  claimBase: builtInClaimBase,
  language: 'markdown',
  today: '2026-01-01',
};

/** Lints each text in turn with one linter; every result must equal a full lint's. */
function sameAsFull(texts: string[], opts: LintOptions = options): IncrementalLinter {
  const linter = new IncrementalLinter();
  for (const text of texts)
    assert.deepEqual(asLintResult(linter.lint(text, opts)), lint(text, opts), text);
  return linter;
}

const claim = 'Ketamine cures depression.';
const lowDose = 'Oral ketamine works wonders for depression.';

describe('incremental linter: cached block findings', () => {
  it('moves the footnote a citation fix appends when text is typed in another block', () => {
    const start = `${claim}\n\nIntro.\n\nMore text.\n`;
    const linter = sameAsFull([start, start.replace('More', 'More and more'), `${start}End.\n`]);
    assert.ok(linter.blocks > 1);
  });

  it('drops the footnote definition once the document defines that label', () => {
    const start = `${claim}\n\nIntro.\n`;
    sameAsFull([start, `${start}\n[^daly-2019-sustain-1]: Daly EJ, et al. 2019.\n`, start]);
  });

  it('follows the line ending and final line break of the whole document', () => {
    const start = `${claim}\n\nIntro.\n`;
    sameAsFull([start, `${start}\r\n`, start, start.slice(0, -1), start]);
  });

  it('re-checks a low-dose claim when the caveat in the next block comes and goes', () => {
    const start = `${lowDose}\n\nSomething else.\n`;
    const caveat = `${lowDose}\n\nThe evidence is limited.\n`;
    sameAsFull([start, caveat, start]);
  });

  it('carries treatments into an unchanged block when the block before names another', () => {
    const start = `Spravato is a nasal spray.\n\nIt works for everyone.\n`;
    sameAsFull([start, start.replace('Spravato', 'Ketamine'), start.replace('Spravato', 'Rain')]);
  });

  it('keeps separate findings for identical blocks, and for changed rule settings', () => {
    const start = `${claim}\n\n${claim}\n\nIntro.\n\n${claim}\n`;
    sameAsFull([start, `Intro.\n\n${start}`, start.replace('Intro.', '')]);
    const linter = new IncrementalLinter();
    const off = configSchema().parse({ rules: { 'cure-claim': 'off' } });
    for (const config of [undefined, off, undefined]) {
      const opts: LintOptions = { ...options, config };
      assert.deepEqual(asLintResult(linter.lint(start, opts)), lint(start, opts));
    }
  });

  it('re-splits only between the first and last changed character, whatever the edit does to boundaries', () => {
    const blocks = [claim, 'Intro.', lowDose, '```\ncode\n\nmore', 'Tail ```', claim, 'End.'];
    const start = `${blocks.join('\n\n')}\n`;
    sameAsFull([
      start,
      start.replace('Intro.', `Intro.\n\n${claim}`), // a copy of a later block typed before it
      start.replace('```\ncode', 'code'), // an unclosed fence removed: later boundaries appear
      start,
      start.replace('Intro.', 'Intro.\n\n[^daly-2019-sustain-1]: Daly EJ, et al. 2019.'),
      `X${start}`,
      `${start}More.\n`,
      start,
    ]);
  });

  it('makes the suggestions of a moved finding when asked, for where its block stands', () => {
    const start = `Intro.\n\n${claim}\n\nOutro.\n`;
    // Link citations: no fix appends a footnote, so the block's moved drafts are reused as is.
    const opts = { ...options, config: configSchema().parse({ citationStyle: 'link' }) };
    const linter = new IncrementalLinter();
    linter.lint(start, opts);
    const edited = start.replace('Intro', 'More intro');
    const moved = linter.lint(edited, opts);
    const expected = lint(edited, opts).findings;
    assert.ok(expected.length > 0 && expected.every((f) => f.suggestions.length > 0));
    assert.deepEqual(
      expected.map((_, i) => moved.suggestionsOf(i)),
      expected.map((f) => f.suggestions),
    );
    assert.deepEqual(moved.suggestionsOf(expected.length), []);
    // What was handed out is the caller's: changing it reaches neither the next lint, where the
    // block stays put and its moved drafts are reused, nor one that moves it again.
    for (let i = 0; i < expected.length; i++) {
      const handed = moved.suggestionsOf(i);
      for (const s of handed) s.edits.length = 0;
      handed.length = 0;
    }
    for (const text of [edited.replace('Outro', 'Outro!'), `X${edited}`])
      assert.deepEqual(asLintResult(linter.lint(text, opts)), lint(text, opts));
  });
});
