/** Valid/invalid tables for one rule: each invalid sentence must be flagged by it, each valid one not. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { configSchema } from '../../server/src/config/schema.ts';
import { lint } from '../../server/src/engine/lint.ts';
import { builtInClaimBase } from '../../server/src/knowledge/builtin.ts';

const sentenceConfig = configSchema().parse({
  rules: { 'fair-balance': 'off', 'missing-disclaimer': 'off' },
});

export function findingsFor(ruleId: string, text: string, config = sentenceConfig) {
  return lint(text, { claimBase: builtInClaimBase, config, path: 'test.md' }).findings.filter(
    (f) => f.ruleId === ruleId,
  );
}

export function ruleTable(ruleId: string, table: { invalid: string[]; valid: string[] }): void {
  describe(ruleId, () => {
    for (const text of table.invalid) {
      it(`flags: ${text}`, () => {
        assert.ok(findingsFor(ruleId, text).length > 0, `expected ${ruleId} on: ${text}`);
      });
    }
    for (const text of table.valid) {
      it(`leaves alone: ${text}`, () => {
        assert.deepEqual(
          findingsFor(ruleId, text).map((f) => f.text),
          [],
          `unexpected ${ruleId} on: ${text}`,
        );
      });
    }
  });
}
