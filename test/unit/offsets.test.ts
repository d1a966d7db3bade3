/** Segment offsets kept as runs must read exactly like the per-character array they replace. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { SourceOffsetsBuilder } from '../../server/src/engine/offsets.ts';

describe('source offsets as runs', () => {
  it('read back every offset pushed, and nothing outside', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(1000), fc.integer({ min: 1, max: 6 })), { maxLength: 12 }),
        fc.integer({ min: -50, max: 50 }),
        (runs, by) => {
          // Runs of consecutive offsets, some repeating or going back, as escapes make them.
          const all = runs.flatMap(([from, n]) => Array.from({ length: n }, (_, k) => from + k));
          const b = new SourceOffsetsBuilder();
          for (const o of all) b.push(o);
          const map = b.build();
          assert.deepEqual(map.toArray(), all);
          assert.equal(map.at(-1), undefined);
          assert.equal(map.at(all.length), undefined);
          assert.deepEqual(
            map.shifted(by).toArray(),
            all.map((o) => o + by),
          );
        },
      ),
    );
  });

  it('keeps consecutive offsets as one run', () => {
    const b = new SourceOffsetsBuilder();
    for (const o of [5, 6, 7, 7, 9, 10]) b.push(o);
    const map = b.build() as unknown as { starts: number[] };
    assert.deepEqual(map.starts, [0, 3, 4]);
  });
});
