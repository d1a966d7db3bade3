/**
 * Where the analysis's work goes, stage by stage: `bench/stage-runner.ts`, bundled, runs the
 * engine on the posts up to each stage in turn (prose only; + sentence splitting; + tokenizing;
 * + the phrase scan; + the rest of the sentence analysis; + the sentence rules), once, cold, with
 * the CLI's interrupt budget, and valgrind counts each run's instructions. One collector thread
 * and synchronous optimizing compiles make the counts repeat to ~0.3% (with V8's threads, runs
 * of one build differ by 1–3%), small enough to judge a change of 1% to one stage. Opt-in:
 * `npm run bench -- --only stages`.
 */
import { build } from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { countAll, type InstructionResult } from './instructions.ts';
import { STAGES } from './stage-names.ts';

/** Deterministic counts: no concurrent marking, sweeping or optimizing on other threads. */
const SERIAL = ['--single-threaded-gc', '--no-concurrent-recompilation'];

export interface StageResult extends InstructionResult {
  /** Instructions this stage adds to the one before (the first: the whole run). */
  own: number;
}

export async function countStages(
  files: string[],
  runs: number,
  cwd: string,
  onCount?: (label: string, count: number) => void,
): Promise<StageResult[]> {
  const scratch = mkdtempSync(join(tmpdir(), 'overclaim-stages-'));
  try {
    const runner = join(scratch, 'stage-runner.mjs');
    await build({
      entryPoints: [join(cwd, 'bench', 'stage-runner.ts')],
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      outfile: runner,
      logLevel: 'warning',
      // Bundled CommonJS dependencies call require().
      banner: {
        js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
      },
    });
    const commands = STAGES.map((stage) => ({
      label: stage,
      argv: [process.execPath, ...SERIAL, runner, stage, ...files],
      okExitCodes: [0],
    }));
    const counts = await countAll(commands, runs, cwd, onCount);
    return counts.map((c, i) => ({
      ...c,
      own: c.instructions.median - (counts[i - 1]?.instructions.median ?? 0),
    }));
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
