/**
 * Runs one command as a whole process and measures it: wall time with process.hrtime around
 * spawn → exit; peak resident memory and CPU time (user + system, all threads) from GNU time
 * (`/usr/bin/time -f '%M %U %S'`, the kernel's rusage of the child). CPU time is the steadier
 * figure when other work shares the machine; wall time is what a user waits. Without GNU time, peak memory falls back to
 * polling VmHWM (the kernel's own high-water mark) in /proc/<pid>/status, which can only
 * under-report by what the process allocates after the last poll.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Sample {
  wallMs: number;
  /** Peak resident set size in MiB, or null when it cannot be read on this system. */
  peakRssMb: number | null;
  /** User + system CPU time of the process, or null without GNU time. */
  cpuMs: number | null;
  exitCode: number | null;
}

export interface Command {
  label: string;
  argv: string[];
  /** Exit codes that mean "ran fine" (linters exit 1 when they report problems). */
  okExitCodes: number[];
}

const scratch = mkdtempSync(join(tmpdir(), 'overclaim-bench-'));
process.on('exit', () => rmSync(scratch, { recursive: true, force: true }));

const TIME_FORMAT = '%M %U %S';
const TIME_OUTPUT = /(\d+) (\d+(?:\.\d+)?) (\d+(?:\.\d+)?)\s*$/;

function hasGnuTime(): boolean {
  const out = join(scratch, 'probe');
  const r = spawnSync('/usr/bin/time', ['-f', TIME_FORMAT, '-o', out, 'true'], {
    stdio: 'ignore',
  });
  if (r.status !== 0) return false;
  return TIME_OUTPUT.test(readFileSync(out, 'utf8'));
}

// BENCH_NO_GNU_TIME=1 exercises the fallback on a machine that has GNU time.
export const memoryMethod: 'gnu-time' | 'proc-vmhwm' | 'none' =
  !process.env.BENCH_NO_GNU_TIME && hasGnuTime()
    ? 'gnu-time'
    : process.platform === 'linux'
      ? 'proc-vmhwm'
      : 'none';

function readVmHwmKb(pid: number): number | null {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : null;
  } catch {
    return null;
  }
}

let runCount = 0;

export function measure(command: Command, cwd: string): Promise<Sample> {
  const timeFile = join(scratch, `time-${runCount++}`);
  const [program, ...rest] = command.argv;
  if (!program) throw new Error(`${command.label}: empty command`);
  const argv =
    memoryMethod === 'gnu-time'
      ? ['/usr/bin/time', '-f', TIME_FORMAT, '-o', timeFile, program, ...rest]
      : [program, ...rest];
  return new Promise((resolvePromise, reject) => {
    let stderr = '';
    let polledKb: number | null = null;
    const started = process.hrtime.bigint();
    // Output goes to /dev/null for every tool alike; stderr is kept to explain failures.
    const child = spawn(argv[0] ?? '', argv.slice(1), { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
    const poll =
      memoryMethod === 'proc-vmhwm'
        ? setInterval(() => {
            polledKb = readVmHwmKb(child.pid ?? -1) ?? polledKb;
          }, 5)
        : undefined;
    child.stderr.on('data', (chunk: Buffer) => {
      if (stderr.length < 4000) stderr += chunk.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => {
      const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
      clearInterval(poll);
      if (code === null || !command.okExitCodes.includes(code)) {
        reject(new Error(`${command.label} exited with ${code}:\n${stderr.slice(0, 2000)}`));
        return;
      }
      let peakKb = polledKb;
      let cpuMs: number | null = null;
      if (memoryMethod === 'gnu-time') {
        const m = TIME_OUTPUT.exec(readFileSync(timeFile, 'utf8'));
        peakKb = m ? Number(m[1]) : null;
        cpuMs = m ? (Number(m[2]) + Number(m[3])) * 1000 : null;
      }
      resolvePromise({
        wallMs,
        peakRssMb: peakKb === null ? null : peakKb / 1024,
        cpuMs,
        exitCode: code,
      });
    });
  });
}

export interface Stats {
  median: number;
  min: number;
  max: number;
  samples: number[];
}

export function stats(values: number[]): Stats {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median =
    sorted.length % 2 === 1
      ? (sorted[mid] ?? NaN)
      : ((sorted[mid - 1] ?? NaN) + (sorted[mid] ?? NaN)) / 2;
  return { median, min: sorted[0] ?? NaN, max: sorted.at(-1) ?? NaN, samples: values };
}

/**
 * Runs every command `runs` times, interleaved and in a rotating order, so that a slow patch
 * on a noisy machine hits all tools alike instead of one tool's whole series.
 */
export async function measureAll(
  commands: Command[],
  runs: number,
  cwd: string,
  onSample?: (label: string, sample: Sample) => void,
): Promise<Map<string, Sample[]>> {
  const results = new Map(commands.map((c) => [c.label, [] as Sample[]]));
  for (let round = 0; round < runs; round++) {
    for (let i = 0; i < commands.length; i++) {
      const command = commands[(i + round) % commands.length];
      if (!command) continue;
      const sample = await measure(command, cwd);
      results.get(command.label)?.push(sample);
      onSample?.(command.label, sample);
    }
  }
  return results;
}
