/**
 * Fixture documents carry their expectations: a line ending in `<!-- expect: rule-id -->`
 * (`{/* expect: … *\/}` in MDX) must produce exactly those findings, and no other line any.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { lint } from '../server/src/engine/lint.ts';
import { LineIndex } from '../server/src/engine/positions.ts';
import { builtInClaimBase } from '../server/src/knowledge/builtin.ts';

const dir = join(import.meta.dirname, 'fixtures');
const MARKER = /(?:<!--|\{\/\*)\s*expect:\s*([^*>]*?)\s*(?:-->|\*\/\})/;

describe('fixtures', () => {
  for (const name of readdirSync(dir).sort()) {
    it(name, () => {
      const text = readFileSync(join(dir, name), 'utf8');
      const expected = new Map<number, string[]>();
      text.split(/\r\n|\r|\n/).forEach((line, i) => {
        const m = MARKER.exec(line);
        if (m)
          expected.set(
            i + 1,
            (m[1] ?? '')
              .split(',')
              .map((s) => s.trim())
              .filter(Boolean)
              .sort(),
          );
      });
      const lines = new LineIndex(text);
      const got = new Map<number, string[]>();
      for (const f of lint(text, { claimBase: builtInClaimBase, path: name }).findings) {
        const line = lines.at(f.start).line;
        got.set(line, [...(got.get(line) ?? []), f.ruleId].sort());
      }
      const show = (m: Map<number, string[]>) =>
        [...m].sort((a, b) => a[0] - b[0]).map(([l, r]) => `${l}: ${[...new Set(r)].join(', ')}`);
      assert.deepEqual(show(got), show(expected));
    });
  }
});
