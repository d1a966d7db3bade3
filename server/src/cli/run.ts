/**
 * The CLI as a function: arguments and streams in, exit code out. Nothing here analyses text;
 * it finds files and configuration, calls the engine and formats the result.
 */
import { dirname, relative, resolve } from 'node:path';
import picomatch from 'picomatch';
import type { Config } from '../config/schema.ts';
import { defaultConfig } from '../config/schema.ts';
import { lint } from '../engine/lint.ts';
import { severities } from '../engine/types.ts';
import { builtInClaimBase } from '../knowledge/builtin.ts';
import { KnowledgeError, type ClaimBase } from '../knowledge/compile.ts';
import { loadClaimBases } from '../node/claim-base-loader.ts';
import { collectFiles, displayPath, InputError } from '../node/collect-files.ts';
import {
  ConfigError,
  findConfigFile,
  loadConfigFile,
  type LoadedConfig,
} from '../node/config-loader.ts';
import { decodeDocument, readDocument } from '../node/read-document.ts';
import { parseCliArgs, UsageError, USAGE, type CliOptions } from './args.ts';
import { formatJson } from './format-json.ts';
import { formatStylish } from './format-stylish.ts';
import { countSeverities, type FileReport, type RunReport } from './report.ts';

export interface CliIo {
  cwd: string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  readStdin: () => Promise<Uint8Array>;
  colour: boolean;
  version: string;
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
    const configs = new ConfigCache(io.cwd, options);
    const files = options.stdin
      ? [await lintStdin(options, io, configs)]
      : lintPaths(options, io, configs);
    const report: RunReport = {
      version: io.version,
      claimBase: describeBase(configs.firstBase ?? builtInClaimBase),
      files: options.quiet
        ? files.map((f) => ({ ...f, findings: f.findings.filter((x) => x.severity === 'error') }))
        : files,
    };
    io.stdout(options.format === 'json' ? formatJson(report) : formatStylish(report, io.colour));
    return exitCode(report.files, options);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`overclaim: ${error.message}\nRun "overclaim --help" for usage.\n`);
      return 2;
    }
    if (error instanceof ConfigError || error instanceof InputError) {
      io.stderr(`overclaim: ${error.message}\n`);
      return 2;
    }
    if (error instanceof KnowledgeError) {
      io.stderr(`overclaim: invalid claim-base file:\n${error.message}\n`);
      return 2;
    }
    throw error;
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

/** Configuration and claim base per directory, each file read once per run. */
class ConfigCache {
  private readonly byFile = new Map<string, { loaded: LoadedConfig; base: ClaimBase }>();
  firstBase?: ClaimBase;

  constructor(
    private readonly cwd: string,
    private readonly options: CliOptions,
  ) {}

  forDocument(path: string): { config: Config; base: ClaimBase; dir: string } {
    const file = this.options.config
      ? resolve(this.cwd, this.options.config)
      : findConfigFile(dirname(path));
    const key = file ?? '';
    let entry = this.byFile.get(key);
    if (!entry) {
      const loaded: LoadedConfig = file
        ? loadConfigFile(file)
        : { config: defaultConfig, dir: this.cwd };
      entry = {
        loaded,
        base: loadClaimBases(builtInClaimBase, loaded.config.claimBases, loaded.dir),
      };
      this.byFile.set(key, entry);
    }
    this.firstBase ??= entry.base;
    const config: Config = {
      ...entry.loaded.config,
      profile: this.options.profile ?? entry.loaded.config.profile,
      rules: { ...entry.loaded.config.rules, ...this.options.rules },
    };
    return { config, base: entry.base, dir: entry.loaded.dir };
  }
}

function lintPaths(options: CliOptions, io: CliIo, configs: ConfigCache): FileReport[] {
  return collectFiles(options.paths, io.cwd).flatMap((path) => {
    const { config, base, dir } = configs.forDocument(path);
    if (isIgnored(path, dir, config.ignore)) return [];
    const shown = displayPath(path, io.cwd);
    const read = readDocument(path, config.maxFileSize);
    if (!read.ok)
      return [
        { path: shown, text: '', findings: [], suppressed: 0, notices: [], skipped: read.reason },
      ];
    const result = lint(read.text, { path, config, claimBase: base });
    return [
      {
        path: shown,
        text: read.text,
        findings: result.findings,
        suppressed: result.suppressed,
        notices: result.notices,
      },
    ];
  });
}

async function lintStdin(
  options: CliOptions,
  io: CliIo,
  configs: ConfigCache,
): Promise<FileReport> {
  const name = options.stdinFilename ?? '<stdin>';
  const path = resolve(io.cwd, options.stdinFilename ?? 'stdin.md');
  const { config, base } = configs.forDocument(path);
  const read = decodeDocument(await io.readStdin());
  if (!read.ok)
    return { path: name, text: '', findings: [], suppressed: 0, notices: [], skipped: read.reason };
  const result = lint(read.text, { path, config, claimBase: base });
  return {
    path: name,
    text: read.text,
    findings: result.findings,
    suppressed: result.suppressed,
    notices: result.notices,
  };
}

function isIgnored(path: string, dir: string, globs: string[]): boolean {
  if (globs.length === 0) return false;
  const rel = relative(dir, path).split('\\').join('/');
  return picomatch(globs, { dot: true })(rel);
}
