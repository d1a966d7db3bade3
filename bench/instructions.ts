/**
 * Instructions a command executes, all threads together, counted by valgrind's callgrind. Unlike
 * time, the count hardly moves with what else runs on the machine: two runs of the CLI on the
 * 100 posts differ by 1–3%, where wall times here spread by 10–30%. So small changes can be
 * compared, and the ratio to the floor read, on a busy machine. It is a measure of work, not of
 * waiting: it cannot see two cores, cache misses or a slow disk. Each run takes 40–80× as long as
 * without valgrind, so this part is opt-in: `npm run bench -- --only instructions`.
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpus } from 'node:os';
import type { Command } from './measure.ts';
import { stats, type Stats } from './measure.ts';

export interface InstructionResult {
  label: string;
  instructions: Stats;
}

export function hasValgrind(): boolean {
  return spawnSync('valgrind', ['--version'], { stdio: 'ignore' }).status === 0;
}

const COLLECTED = /Collected : (\d+)/;

/** One run's instruction count. `--smc-check=all`: V8 writes and patches machine code. */
export function countInstructions(command: Command, cwd: string): Promise<number> {
  const args = ['--tool=callgrind', '--smc-check=all', '--callgrind-out-file=/dev/null'];
  return new Promise((resolvePromise, reject) => {
    let stderr = '';
    const child = spawn('valgrind', [...args, ...command.argv], {
      cwd,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    // callgrind's summary comes last; the command's own stderr may be long.
    child.stderr.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-8000);
    });
    child.on('error', reject);
    child.on('close', (code) => {
      const count = COLLECTED.exec(stderr);
      if (code === null || !command.okExitCodes.includes(code) || !count) {
        reject(new Error(`${command.label} under valgrind exited with ${code}:\n${stderr}`));
        return;
      }
      resolvePromise(Number(count[1]));
    });
  });
}

/**
 * Counts every command `runs` times, as many at once as there are cores (the counts do not
 * depend on it), and returns each command's counts in the order given.
 */
export async function countAll(
  commands: Command[],
  runs: number,
  cwd: string,
  onCount?: (label: string, count: number) => void,
): Promise<InstructionResult[]> {
  const jobs = Array.from({ length: runs }, () => commands).flat();
  const counts = new Map(commands.map((c) => [c.label, [] as number[]]));
  let next = 0;
  const lane = async (): Promise<void> => {
    for (let job = jobs[next++]; job; job = jobs[next++]) {
      const count = await countInstructions(job, cwd);
      counts.get(job.label)?.push(count);
      onCount?.(job.label, count);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, cpus().length) }, lane));
  return commands.map((c) => ({ label: c.label, instructions: stats(counts.get(c.label) ?? []) }));
}
