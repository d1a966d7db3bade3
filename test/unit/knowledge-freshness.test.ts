import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lint } from '../../server/src/engine/lint.ts';
import { builtInClaimBase } from '../../server/src/knowledge/builtin.ts';

const draft = 'Our FDA-approved ketamine infusions treat depression.\n';

function approvalFinding(today: string) {
  const result = lint(draft, { claimBase: builtInClaimBase, path: 'a.md', today });
  const finding = result.findings.find((f) => f.ruleId === 'approval-status');
  assert.ok(finding, 'approval-status fires');
  return finding;
}

describe('stale claims in findings', () => {
  it('adds a note when the claim relied on is past its review date', () => {
    const claim = builtInClaimBase.claims.find(
      (c) => c.id === approvalFinding('2020-01-01').claimId,
    );
    assert.ok(claim?.reviewBy, 'the claim has a review date');
    const late = approvalFinding('2099-01-01');
    assert.equal(late.notes?.length, 1);
    assert.match(late.notes?.[0] ?? '', /past its review date.*check the current label/);
  });
  it('adds nothing before the review date, so output is unchanged', () => {
    assert.equal('notes' in approvalFinding('2020-01-01'), false);
  });
  it('is deterministic for a given today', () => {
    assert.deepEqual(approvalFinding('2030-05-05'), approvalFinding('2030-05-05'));
  });
});
