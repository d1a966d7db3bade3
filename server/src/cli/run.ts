/**
 * The CLI as a function: arguments and streams in, exit code out. Nothing here analyses text;
 * it finds files and configuration, has them linted (and fixed) in-process or in worker
 * threads, and formats the result.
 */
import { statSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { severities } from '../engine/types.ts';
import { builtInClaimBase } from '../knowledge/builtin.ts';
import type { ClaimBase } from '../knowledge/compile.ts';
import { collectFiles, displayPath, InputError } from '../node/collect-files.ts';
import { decodeDocument } from '../node/read-document.ts';
import { changedSince } from '../node/git-changes.ts';
import { parseCliArgs, UsageError, USAGE, type CliOptions } from './args.ts';
import { ConfigCache, isIgnored, type ConfigFlags } from './config-cache.ts';
import { fatalMessage } from './errors.ts';
import { fixDiffs, formatReport } from './format.ts';
import { lintFile, lintText, type FileTask, type FileWork } from './lint-file.ts';
import { laneCount, lintInLanes } from './pool.ts';
import { Progress } from './progress.ts';
import { countSeverities, type FileReport, type RunReport } from './report.ts';

/** From this many files on, a terminal shows progress at once. */
const LONG_RUN_FILES = 100;

export interface CliIo {
  cwd: string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  readStdin: () => Promise<Uint8Array>;
  colour: boolean;
  version: string;
  /** Long runs show progress on stderr, only when it is a terminal. */
  stderrIsTTY?: boolean;
  /** The CLI bundle, which also runs as a worker thread; without it, everything is in-process. */
  workerScript?: URL;
}

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  try {
    const options = parseCliArgs(argv);
    if (options.help) {
      io.stdout(`${USAGE}\n`);
      return 0;
    }
    if (options.version) {
      io.stdout(`${io.version}\n`);
      return 0;
    }
    if (!options.stdin && options.paths.length === 0)
      throw new UsageError('no input: give files, directories or globs, or --stdin');
    const flags: ConfigFlags = {
      cwd: io.cwd,
      config: options.config,
      profile: options.profile,
      rules: options.rules,
    };
    const configs = new ConfigCache(flags);
    const bases = new Map<string, ClaimBase>();
    const files = options.stdin
      ? [await lintStdin(options, io, configs, bases)]
      : await lintPaths(options, io, configs, flags, bases);
    const report: RunReport = {
      version: io.version,
      cwd: io.cwd,
      claimBase: describeBase(configs.firstBase ?? builtInClaimBase),
      files: options.quiet
        ? files.map((f) => ({ ...f, findings: f.findings.filter((x) => x.severity === 'error') }))
        : files,
      failOn: options.failOn,
      claimBaseFor: (path) => bases.get(path) ?? configs.firstBase ?? builtInClaimBase,
      changedSince: options.changedSince,
    };
    for (const f of report.files)
      if (f.fix?.problem) io.stderr(`overclaim: ${f.path}: not fixed: ${f.fix.problem}\n`);
    let output = formatReport(report, options.format, io.colour && !options.outputFile);
    if (options.fix === 'dry-run' && options.format === 'stylish') {
      const diff = fixDiffs(report);
      if (diff) output = `${diff}\n${output}`;
    }
    if (options.outputFile) writeOutput(resolve(io.cwd, options.outputFile), output);
    else io.stdout(output);
    return exitCode(report.files, options);
  } catch (error) {
    const message = fatalMessage(error);
    if (message === undefined) throw error;
    io.stderr(message);
    return 2;
  }
}

function writeOutput(path: string, text: string): void {
  try {
    writeFileSync(path, text);
  } catch (error) {
    throw new InputError(
      `--output-file: cannot write ${path} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
    );
  }
}

function exitCode(files: FileReport[], options: CliOptions): number {
  const threshold = severities.indexOf(options.failOn);
  const failing = files.some((f) =>
    f.findings.some((x) => severities.indexOf(x.severity) <= threshold),
  );
  const { warnings } = countSeverities(files);
  if (failing) return 1;
  if (options.maxWarnings !== undefined && warnings > options.maxWarnings) return 1;
  return 0;
}

function describeBase(base: ClaimBase): RunReport['claimBase'] {
  return { version: base.version, claims: base.claims.length, sources: base.sources.length };
}

async function lintPaths(
  options: CliOptions,
  io: CliIo,
  configs: ConfigCache,
  flags: ConfigFlags,
  bases: Map<string, ClaimBase>,
): Promise<FileReport[]> {
  const paths = collectFiles(options.paths, io.cwd);
  const changes = options.changedSince ? changedSince(options.changedSince, io.cwd) : undefined;
  const tasks: FileTask[] = [];
  for (const path of paths) {
    // Resolving every file's config here reports config and claim-base errors before any work.
    const { config, base, dir } = configs.forDocument(path);
    if (isIgnored(path, dir, config.ignore)) continue;
    const task: FileTask = { path, shown: displayPath(path, io.cwd) };
    if (changes) {
      const changed = changes.forFile(path);
      if (!changed) continue;
      task.changed =
        changed === 'all' ? { all: true, lines: [] } : { all: false, lines: [...changed] };
    }
    bases.set(task.shown, base);
    tasks.push(task);
  }
  // Many files make a long run from the start; otherwise progress appears after a second.
  const progress = io.stderrIsTTY
    ? new Progress({
        total: tasks.length,
        write: io.stderr,
        delayMs: tasks.length >= LONG_RUN_FILES ? 0 : 1000,
      })
    : undefined;
  const tick = () => progress?.tick();
  const lanes = laneCount(tasks.length, totalBytes(tasks), options.jobs);
  const work = fileWork(options);
  const lintHere = (task: FileTask) => lintFile(task, configs, work);
  try {
    if (lanes > 1 && io.workerScript) {
      const settings = { flags, work };
      return await lintInLanes(tasks, settings, lanes, io.workerScript, lintHere, tick);
    }
    return tasks.map((task) => {
      const report = lintHere(task);
      tick();
      return report;
    });
  } finally {
    progress?.end();
  }
}

async function lintStdin(
  options: CliOptions,
  io: CliIo,
  configs: ConfigCache,
  bases: Map<string, ClaimBase>,
): Promise<FileReport> {
  const name = options.stdinFilename ?? '<stdin>';
  const path = resolve(io.cwd, options.stdinFilename ?? 'stdin.md');
  bases.set(name, configs.forDocument(path).base);
  const read = decodeDocument(await io.readStdin());
  if (!read.ok)
    return { path: name, text: '', findings: [], suppressed: 0, notices: [], skipped: read.reason };
  // --fix is refused with --stdin; --fix-dry-run reports the fixes without writing anywhere.
  return lintText(read.text, { path, shown: name }, configs, fileWork(options));
}

/** Suggestions are made only when a fix or the output reads them. */
function fileWork(options: Pick<CliOptions, 'fix' | 'format'>): FileWork {
  const listsOnly = options.format === 'stylish' || options.format === 'junit';
  return { fix: options.fix, suggestions: options.fix !== 'off' || !listsOnly };
}

/** Bytes to lint, for sizing the lanes; a file that cannot be stat'ed counts as empty. */
function totalBytes(tasks: FileTask[]): number {
  let sum = 0;
  for (const t of tasks) {
    try {
      sum += statSync(t.path).size;
    } catch {
      // Reported when it is read.
    }
  }
  return sum;
}
