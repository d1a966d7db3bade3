/**
 * How many cases each property runs. CI uses the numbers written in the tests (≥ 10,000 in
 * total); `OVERCLAIM_SOAK=20` multiplies them for a long local run, and `OVERCLAIM_SEED`
 * replays the seed a failing run printed.
 */
import type fc from 'fast-check';

const soak = Number(process.env.OVERCLAIM_SOAK ?? '1');
const seed = process.env.OVERCLAIM_SEED;

export function runs(numRuns: number): fc.Parameters<unknown> {
  const factor = Number.isFinite(soak) && soak > 0 ? soak : 1;
  return {
    numRuns: Math.ceil(numRuns * factor),
    ...(seed !== undefined ? { seed: Number(seed) } : {}),
  };
}
