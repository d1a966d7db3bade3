/** Keeps the rules honest against the labelled corpus (npm run eval prints the full table). */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { evaluate } from './support/evaluate.ts';

describe('labelled corpus', () => {
  const { scores } = evaluate();
  for (const s of scores) {
    it(`${s.rule}: precision ${s.precision.toFixed(2)}, recall ${s.recall.toFixed(2)}`, () => {
      assert.ok(s.precision >= 0.9, `${s.rule} precision ${s.precision.toFixed(2)} < 0.90`);
      assert.ok(s.recall >= 0.85, `${s.rule} recall ${s.recall.toFixed(2)} < 0.85`);
    });
  }
});
