/** Document-level rules: fair-balance and missing-disclaimer, on small multi-line Markdown drafts. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lint } from '../../server/src/engine/lint.ts';
import { LineIndex } from '../../server/src/engine/positions.ts';
import { builtInClaimBase } from '../../server/src/knowledge/builtin.ts';

const DOCUMENT_RULES = new Set(['fair-balance', 'missing-disclaimer']);

function run(doc: string) {
  return lint(doc, { claimBase: builtInClaimBase, path: 'draft.md' });
}

/** Document-level findings as `rule@line`, sorted by rule id. */
function documentFindings(doc: string): string[] {
  const lines = new LineIndex(doc);
  return run(doc)
    .findings.filter((f) => DOCUMENT_RULES.has(f.ruleId))
    .map((f) => `${f.ruleId}@${lines.at(f.start).line}`)
    .sort();
}

function md(...lines: string[]): string {
  return lines.join('\n') + '\n';
}

interface Case {
  name: string;
  doc: string;
  /** `rule@line` for every document-level finding expected. */
  expect: string[];
}

const fairBalance: Case[] = [
  {
    name: 'benefit claim for esketamine, no risk information anywhere',
    doc: md(
      '# Feeling stuck?',
      'Depression can make every day feel heavy.',
      'Our esketamine sessions ease low mood for many adults who have tried two or more antidepressants.',
      'Sessions run on weekday mornings.',
      '',
      'This page is general information, not medical advice.',
    ),
    expect: ['fair-balance@3'],
  },
  {
    name: 'front matter and a heading before the first benefit claim',
    doc: md(
      '---',
      'title: Ketamine at Riverside',
      '---',
      '',
      '# Ketamine at Riverside',
      'IV ketamine can lift mood within a few sessions for adults with treatment-resistant depression.',
      'Talk to your doctor before starting any new treatment.',
    ),
    expect: ['fair-balance@6'],
  },
  {
    name: 'risk information covers esketamine only, not psilocybin',
    doc: md(
      '# Two newer options',
      'Esketamine nasal spray can reduce depressive symptoms in adults with treatment-resistant depression.',
      'Esketamine can cause dissociation and sedation, so patients are monitored for two hours after each dose.',
      '',
      'Psilocybin therapy can help people with depression feel more connected to others.',
      '',
      'Nothing here is medical advice; talk to your clinician.',
    ),
    expect: ['fair-balance@5'],
  },
  {
    name: 'a negated risk ("no side effects") is not risk information',
    doc: md(
      '# Calm, from home',
      '',
      'Our ketamine lozenges relieve anxiety and low mood for many clients.',
      'Clients tell us they sleep better within a couple of weeks, and the lozenges have no side effects.',
      '',
      '_This is not medical advice._',
    ),
    expect: ['fair-balance@3'],
  },
  {
    name: 'benefits balanced by side effects and a disclaimer',
    doc: md(
      '# IV ketamine at Hillside',
      'IV ketamine can ease symptoms of depression for some adults when other treatments have not helped enough.',
      'Side effects include nausea, dissociation and a short rise in blood pressure.',
      '',
      '*General information only, not medical advice. Talk to your doctor about your options.*',
    ),
    expect: [],
  },
  {
    name: 'risk information in a later section, before any disclaimer',
    doc: md(
      '# Esketamine nasal spray',
      'Esketamine can reduce depressive symptoms in adults who have not responded to two antidepressants.',
      '',
      '## Risks',
      'Using the spray can cause sedation and dizziness, and it is only given under a REMS programme.',
      '',
      'Please talk to your clinician before changing any treatment.',
    ),
    expect: [],
  },
];

const missingDisclaimer: Case[] = [
  {
    name: 'treatment claims and risks but no disclaimer',
    doc: md(
      '# What to expect from ketamine infusions',
      '',
      'Many people feel calm during the infusion.',
      'IV ketamine can reduce depressive symptoms in adults with treatment-resistant depression.',
      'Common side effects include nausea, dizziness and a short rise in blood pressure.',
    ),
    expect: ['missing-disclaimer@4'],
  },
  {
    name: 'both document rules fire on the same first benefit claim',
    doc: md(
      '# Ketamine in Leeds',
      'Our clinic opened in 2021.',
      '',
      '- IV ketamine eases depression for many adults who have not improved on tablets',
      '- Free parking on site',
    ),
    expect: ['fair-balance@4', 'missing-disclaimer@4'],
  },
  {
    name: 'a disclaimer hidden in an HTML comment does not count',
    doc: md(
      '# Esketamine at Parkview',
      'Esketamine can reduce depressive symptoms in adults with treatment-resistant depression.',
      'Patients stay for two hours after each dose because the spray can cause sedation.',
      '<!-- TODO: add "not medical advice, talk to your doctor" footer -->',
    ),
    expect: ['missing-disclaimer@2'],
  },
  {
    name: 'a "talk to your doctor" statement answers the rule',
    doc: md(
      '# Esketamine, explained',
      'Esketamine can reduce depressive symptoms in adults with treatment-resistant depression.',
      'It can cause dissociation, so you will be monitored for two hours after each dose.',
      'Talk to your doctor about whether it is right for you.',
    ),
    expect: [],
  },
  {
    name: 'a "not medical advice" footer answers the rule',
    doc: md(
      '# Oral ketamine: what we know',
      'Oral ketamine may help some people, but the evidence comes mostly from small studies and it is off-label.',
      'Side effects can include dizziness and nausea.',
      '',
      '---',
      '',
      '_This article is not medical advice._',
    ),
    expect: [],
  },
  {
    name: 'a document with no treatment claims',
    doc: md(
      '# The winter I stopped going out',
      'By January I had stopped answering messages from friends.',
      'My brother noticed first, and he kept dropping by with groceries.',
      'Writing this down has helped me make sense of that year.',
    ),
    expect: [],
  },
];

describe('fair-balance', () => {
  for (const c of fairBalance) {
    it(c.name, () => {
      assert.deepEqual(documentFindings(c.doc), c.expect);
    });
  }
});

describe('missing-disclaimer', () => {
  for (const c of missingDisclaimer) {
    it(c.name, () => {
      assert.deepEqual(documentFindings(c.doc), c.expect);
    });
  }
});

describe('document-level findings', () => {
  const doc = md(
    '# Ketamine therapy near you',
    'We have offered treatment since 2019.',
    'IV ketamine relieves depression for many adults who have not improved on antidepressants.',
    'Ask our team about evening appointments.',
  );

  it('report their source text as `text`', () => {
    const findings = run(doc).findings.filter((f) => DOCUMENT_RULES.has(f.ruleId));
    assert.ok(findings.length > 0);
    for (const f of findings) assert.equal(f.text, doc.slice(f.start, f.end));
  });

  it('can be silenced by an inline comment on the line before', () => {
    const before = run(doc);
    assert.equal(before.findings.filter((f) => f.ruleId === 'fair-balance').length, 1);

    const lines = doc.split('\n');
    lines.splice(2, 0, '<!-- overclaim-disable-next-line fair-balance -- reviewed by legal -->');
    const silenced = lines.join('\n');
    const after = run(silenced);
    const index = new LineIndex(silenced);

    assert.deepEqual(
      after.findings.filter((f) => f.ruleId === 'fair-balance'),
      [],
    );
    assert.equal(after.suppressed, before.suppressed + 1);
    // Only the named rule is silenced: missing-disclaimer still sits on the claim, now line 4.
    assert.deepEqual(
      after.findings
        .filter((f) => f.ruleId === 'missing-disclaimer')
        .map((f) => index.at(f.start).line),
      [4],
    );
    // The directive names a known rule and gives a reason, so it raises no problems of its own.
    assert.deepEqual(
      after.findings.filter((f) => f.ruleId === 'suppression'),
      [],
    );
  });
});
