/**
 * Suggestions are made only when read: `lint(text, { suggestions: false })` (the CLI's stylish
 * and JUnit output) must report exactly the same findings, only without suggestions, and a
 * lazy draft makes its suggestions once, on the first read.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { lint, type LintOptions } from '../../server/src/engine/lint.ts';
import { LazyDraft } from '../../server/src/engine/rules/rule.ts';
import type { Suggestion } from '../../server/src/engine/types.ts';
import { builtInClaimBase } from '../../server/src/knowledge/builtin.ts';

const options: LintOptions = {
  claimBase: builtInClaimBase,
  language: 'markdown',
  today: '2026-01-01',
};

const drafts = ['clinic-landing-page.md', 'clinic/infusions-page.md', 'news-piece.mdx'].map(
  (name) => ({
    name,
    text: readFileSync(new URL(`../../examples/${name}`, import.meta.url), 'utf8'),
  }),
);

describe('lint without suggestions', () => {
  for (const { name, text } of drafts) {
    it(`finds the same as with them: examples/${name}`, () => {
      const opts = { ...options, path: name, language: undefined };
      const full = lint(text, opts);
      const bare = lint(text, { ...opts, suggestions: false });
      assert.ok(full.findings.some((f) => f.suggestions.length > 0));
      assert.ok(bare.findings.every((f) => f.suggestions.length === 0));
      assert.deepEqual(
        { ...bare, findings: bare.findings.map((f) => ({ ...f, suggestions: [] })) },
        { ...full, findings: full.findings.map((f) => ({ ...f, suggestions: [] })) },
      );
    });
  }
});

describe('LazyDraft', () => {
  it('makes its suggestions on the first read only, and keeps them', () => {
    let made = 0;
    const list: Suggestion[] = [{ kind: 'hedge', title: 't', safe: true, edits: [] }];
    const draft = new LazyDraft({ start: 1, end: 4 }, 'message', undefined, () => {
      made++;
      return list;
    });
    assert.equal(made, 0);
    assert.deepEqual([draft.start, draft.end, draft.message], [1, 4, 'message']);
    assert.equal(made, 0);
    assert.equal(draft.suggestions, list);
    assert.equal(draft.suggestions, list);
    assert.equal(made, 1);
  });
});
