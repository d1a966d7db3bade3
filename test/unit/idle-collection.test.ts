import assert from 'node:assert/strict';
import { describe, it, mock } from 'node:test';
import { exposedCollector, IdleCollection } from '../../server/src/lsp/idle-collection.ts';

describe('IdleCollection', () => {
  it('collects once, after the server has been quiet for the whole delay', (t) => {
    t.mock.timers.enable({ apis: ['setTimeout'] });
    const collect = mock.fn();
    const idle = new IdleCollection(collect, 2000);
    idle.afterWork();
    t.mock.timers.tick(1500);
    // More work before the delay is over starts the wait again: typing is never interrupted.
    idle.afterWork();
    t.mock.timers.tick(1500);
    assert.equal(collect.mock.callCount(), 0);
    t.mock.timers.tick(500);
    assert.equal(collect.mock.callCount(), 1);
    // Nothing new was linted: no further collections however long the editor stays idle.
    t.mock.timers.tick(60_000);
    assert.equal(collect.mock.callCount(), 1);
    idle.afterWork();
    t.mock.timers.tick(2000);
    assert.equal(collect.mock.callCount(), 2);
  });

  it('does nothing when the process cannot collect (started without --expose-gc)', (t) => {
    t.mock.timers.enable({ apis: ['setTimeout'] });
    const idle = new IdleCollection(undefined, 2000);
    idle.afterWork();
    t.mock.timers.tick(10_000);
    assert.equal(idle['timer'], undefined);
  });
});

describe('exposedCollector', () => {
  it('runs two full collections when Node exposes gc, and is undefined otherwise', () => {
    const g = globalThis as { gc?: unknown };
    const saved = g.gc;
    try {
      delete g.gc;
      assert.equal(exposedCollector(), undefined);
      const gc = mock.fn();
      g.gc = gc;
      exposedCollector()?.();
      assert.equal(gc.mock.callCount(), 2);
    } finally {
      g.gc = saved;
    }
  });
});
