/** How many threads the CLI lints on: --jobs when given, else by cores and bytes of drafts. */
import assert from 'node:assert/strict';
import { availableParallelism } from 'node:os';
import { describe, it } from 'node:test';
import { BYTES_PER_LANE, laneCount } from '../../server/src/cli/pool.ts';

describe('laneCount', () => {
  const cores = availableParallelism();

  it('keeps small runs in-process, where they lint faster than a worker starts', () => {
    assert.equal(laneCount(100, 750_000, undefined), 1);
    assert.equal(laneCount(1, 50 * BYTES_PER_LANE, undefined), 1);
    assert.equal(laneCount(0, 0, undefined), 1);
  });

  it('adds a lane per megabyte, up to the cores and at most eight', () => {
    assert.equal(laneCount(500, 2 * BYTES_PER_LANE, undefined), Math.min(cores, 2));
    assert.equal(laneCount(5000, 100 * BYTES_PER_LANE, undefined), Math.min(cores, 8));
  });

  it('follows --jobs, but never more lanes than files', () => {
    assert.equal(laneCount(100, 0, 3), 3);
    assert.equal(laneCount(2, 0, 6), 2);
    assert.equal(laneCount(100, 0, 1), 1);
  });
});
