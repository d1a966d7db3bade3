/** Front matter is read only for its `overclaim` settings; the rest belongs to the site. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lint } from '../../server/src/engine/lint.ts';
import { builtInClaimBase } from '../../server/src/knowledge/builtin.ts';

const claim = 'Ketamine cures depression.\n';

function run(frontMatter: string) {
  const result = lint(`---\n${frontMatter}\n---\n${claim}`, {
    claimBase: builtInClaimBase,
    path: 'draft.md',
  });
  return { rules: result.findings.map((f) => f.ruleId), notices: result.notices };
}

describe('front matter', () => {
  it('applies overclaim settings', () => {
    assert.ok(run('title: A').rules.includes('cure-claim'));
    assert.ok(!run('title: A\noverclaim:\n  disable: [cure-claim]').rules.includes('cure-claim'));
    assert.ok(!run('"overclaim": { disable: [cure-claim] }').rules.includes('cure-claim'));
  });

  it('leaves YAML that holds no overclaim settings to the site generator', () => {
    const broken = run('title: "unclosed\ntags: [a, b');
    assert.deepEqual(broken.notices, []);
    assert.ok(broken.rules.includes('cure-claim'));
  });

  it('reports broken YAML and bad settings where overclaim settings were meant', () => {
    const broken = run('overclaim:\n  disable: [cure-claim\ntitle: "x');
    assert.match(broken.notices[0]?.message ?? '', /Front matter is not valid YAML/);
    assert.ok(broken.rules.includes('cure-claim'), 'settings that did not parse are not applied');
    const bad = run('overclaim:\n  profile: loud');
    assert.match(bad.notices[0]?.message ?? '', /overclaim\.profile/);
    assert.equal(bad.notices[0]?.start, 0);
  });
});
