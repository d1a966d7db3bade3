/**
 * Regression cases for engine bugs the property tests (test/property/) found: each input once
 * produced an out-of-range or misplaced edit, or a safe fix that never converged.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { configSchema } from '../../server/src/config/schema.ts';
import { fixText } from '../../server/src/engine/fix.ts';
import { beforeFinalStop } from '../../server/src/engine/suggest.ts';
import { lint } from '../../server/src/engine/lint.ts';
import type { Language } from '../../server/src/engine/parse.ts';
import { builtInClaimBase } from '../../server/src/knowledge/builtin.ts';
import { resultProblems } from '../property/invariants.ts';

const run = (text: string, language: Language = 'markdown') =>
  lint(text, { claimBase: builtInClaimBase, language, today: '2026-01-01' });

const fix = (text: string) => fixText(text, (t) => run(t).findings);

describe('hostile input regressions', () => {
  it('a link citation goes before a whole run of final stops, so fixing settles', () => {
    // The citation went between '.' and '…'; the sentence then ended before its own link.
    const config = configSchema().parse({ citationStyle: 'link' });
    const text = 'Esketamine patients are watched for at least two hours afterwards.…';
    const lintLinks = (t: string) =>
      lint(t, { claimBase: builtInClaimBase, config, today: '2026-01-01' }).findings;
    const once = fixText(text, lintLinks);
    assert.ok(once.converged && once.passes > 0);
    assert.match(once.text, /afterwards \(\[.*\)\)\.…$/);
    assert.equal(beforeFinalStop('Yes?!” she said.…_'), 'Yes?!” she said'.length);
    assert.equal(beforeFinalStop('No stop”'), 'No stop”'.length);
  });

  it('a NUL at the end of a paragraph keeps every edit inside the text', () => {
    // micromark turns NUL into U+FFFD, which the offset map did not recognise.
    const text = 'Our ketamine infusions cure depression.\u0000';
    const result = run(text);
    assert.ok(result.findings.some((f) => f.ruleId === 'cure-claim'));
    assert.deepEqual(resultProblems(text, result), []);
  });

  it('after a byte-order mark, comments keep their real offsets', () => {
    // micromark counts from after the mark; the comment's range started one character early,
    // here inside a surrogate pair.
    const text = '\uFEFF\u{10000}<!-- overclaim-disable-next-line no-such-rule -->';
    const problem = run(text).findings.find((f) => f.ruleId === 'suppression');
    assert.equal(problem?.start, 3);
    assert.ok(problem.text.startsWith('<!--'));
    assert.deepEqual(resultProblems(text, run(text)), []);
  });

  it('prose around a GFM autolink literal keeps its real offsets', () => {
    // The autolink transform drops positions; offsets fell back to 0 and a safe fix replaced
    // the first character of the file.
    const text = '---\nnote: [1, 2\nSee www.example.com now. Ketamine cures depression.';
    const cure = run(text).findings.find((f) => f.ruleId === 'cure-claim');
    assert.equal(cure?.text, 'cures');
    assert.equal(text.slice(cure.start, cure.end), 'cures');
    assert.deepEqual(resultProblems(text, run(text)), []);
  });

  it('a file ending inside an unclosed code fence gets no safe end-of-file edits', () => {
    const text = 'Our ketamine infusions cure depression.\n```text\nsome code';
    const disclaimer = run(text).findings.find((f) => f.ruleId === 'missing-disclaimer');
    assert.ok(disclaimer);
    assert.ok(
      disclaimer.suggestions.every((s) => !s.safe),
      'would be swallowed by the fence',
    );
    const fixed = fix(text);
    assert.ok(fixed.converged);
    assert.equal(fix(fixed.text).text, fixed.text);
  });

  it('a closed fence at the end still gets the safe disclaimer', () => {
    const text = 'Our ketamine infusions cure depression.\n```text\nsome code\n```\n';
    const disclaimer = run(text).findings.find((f) => f.ruleId === 'missing-disclaimer');
    assert.ok(disclaimer?.suggestions.some((s) => s.safe));
  });

  it('a citation for the last sentence of a file without a final newline is one edit', () => {
    // Two insertions at the same offset have no defined order, so the fixer refused them.
    const text = 'Esketamine was approved by the FDA in 2019 for treatment-resistant depression.';
    const citation = run(text)
      .findings.flatMap((f) => f.suggestions)
      .find((s) => s.kind === 'citation' && s.safe);
    assert.equal(citation?.edits.length, 1);
    const fixed = fix(text);
    assert.ok(fixed.applied.some((a) => a.ruleId === 'missing-citation'));
    assert.match(fixed.text, /depression\.\[\^spravato-pi\]\n\n\[\^spravato-pi\]: /);
  });
});

describe('worst cases for the parser and the splitters', () => {
  it('100,000 nested blockquotes are checked as plain text with a notice, not a stack overflow', () => {
    const text = `${'>'.repeat(100_000)} Ketamine cures depression.`;
    const result = run(text);
    assert.ok(result.notices.some((n) => /nests blockquotes or lists more than/.test(n.message)));
    assert.ok(result.findings.some((f) => f.ruleId === 'cure-claim'));
    assert.deepEqual(resultProblems(text, result), []);
  });

  it('ordinary nesting is still parsed as Markdown', () => {
    const text = '> > - Ketamine cures depression.\n';
    assert.deepEqual(run(text).notices, []);
  });

  it('a long run of terminators still splits sentences as before', () => {
    const text = `Ketamine cures depression${'.'.repeat(50_000)} Ketamine is 100% safe!?! ok.`;
    const ids = run(text, 'text').findings.map((f) => f.ruleId);
    assert.ok(ids.includes('cure-claim') && ids.includes('safety-minimisation'));
  });

  it('a suppression comment padded with 100,000 spaces is read like a short one', () => {
    const pad = ' '.repeat(100_000);
    const text = `<!-- overclaim-disable-next-line cure-claim${pad}-- quoting an ad${pad}-->\nKetamine cures depression.\n`;
    const result = run(text);
    assert.ok(!result.findings.some((f) => f.ruleId === 'cure-claim'));
    assert.equal(result.suppressed, 1);
  });
});

describe('over-dense link and emphasis markers', () => {
  it('a paragraph with thousands of markers is checked without its formatting, with a notice', () => {
    const text = `Fine first paragraph with *emphasis* and [a link](https://example.org).\n\nKetamine cures depression. ${'[x]('.repeat(3000)}\n`;
    const result = lint(text, { claimBase: builtInClaimBase, today: '2026-01-01' });
    assert.ok(result.findings.some((f) => f.ruleId === 'cure-claim' && f.text === 'cures'));
    const notice = result.notices.find((n) => n.message.includes('link or emphasis markers'));
    assert.equal(notice?.start, text.indexOf('Ketamine'));
  });

  it('ordinary paragraphs keep their formatting', () => {
    const text = `${'Ketamine *may* help [some](https://example.org) adults. '.repeat(100)}\n`;
    const result = lint(text, { claimBase: builtInClaimBase, today: '2026-01-01' });
    assert.ok(!result.notices.some((n) => n.message.includes('link or emphasis markers')));
  });
});
