import assert from 'node:assert/strict';
import { describe, it, mock } from 'node:test';
import { exposedCollector, IdleCollection } from '../../server/src/lsp/idle-collection.ts';

describe('IdleCollection', () => {
  it('collects after a pause, once more if it lasts, and never while the writer types', (t) => {
    t.mock.timers.enable({ apis: ['setTimeout'] });
    const collect = mock.fn();
    const idle = new IdleCollection(collect, [2000, 6000]);
    idle.afterWork();
    t.mock.timers.tick(1500);
    // More work before the delay is over starts the wait again.
    idle.afterWork();
    t.mock.timers.tick(1500);
    assert.equal(collect.mock.callCount(), 0);
    t.mock.timers.tick(500);
    assert.equal(collect.mock.callCount(), 1);
    t.mock.timers.tick(5999);
    assert.equal(collect.mock.callCount(), 1);
    t.mock.timers.tick(1);
    assert.equal(collect.mock.callCount(), 2);
    // Nothing new was linted: no further collections however long the editor stays idle.
    t.mock.timers.tick(60_000);
    assert.equal(collect.mock.callCount(), 2);
  });

  it('cancels the second step when work comes in between, and starts from the first', (t) => {
    t.mock.timers.enable({ apis: ['setTimeout'] });
    const collect = mock.fn();
    const idle = new IdleCollection(collect, [2000, 6000]);
    idle.afterWork();
    t.mock.timers.tick(2000);
    assert.equal(collect.mock.callCount(), 1);
    t.mock.timers.tick(3000);
    idle.afterWork(); // at 5 s: the second step, due at 8 s, is cancelled
    t.mock.timers.tick(1999);
    assert.equal(collect.mock.callCount(), 1);
    t.mock.timers.tick(1); // 7 s: the first step again, 2 s after the work
    assert.equal(collect.mock.callCount(), 2);
    t.mock.timers.tick(1000); // 8 s: nothing, the old second step is gone
    assert.equal(collect.mock.callCount(), 2);
    t.mock.timers.tick(5000); // 13 s: the new second step
    assert.equal(collect.mock.callCount(), 3);
  });

  it('does nothing when the process cannot collect (started without --expose-gc)', (t) => {
    t.mock.timers.enable({ apis: ['setTimeout'] });
    const idle = new IdleCollection(undefined);
    idle.afterWork();
    t.mock.timers.tick(60_000);
    assert.equal(idle['timer'], undefined);
  });
});

describe('exposedCollector', () => {
  it('is gc when Node exposes it, and undefined otherwise', () => {
    const g = globalThis as { gc?: unknown };
    const saved = g.gc;
    try {
      delete g.gc;
      assert.equal(exposedCollector(), undefined);
      const gc = mock.fn();
      g.gc = gc;
      exposedCollector()?.();
      assert.equal(gc.mock.callCount(), 1);
    } finally {
      g.gc = saved;
    }
  });
});
