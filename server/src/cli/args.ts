/** Command-line flags, parsed and checked before anything is read. */
import { parseArgs } from 'node:util';
import { profiles, type Profile } from '../config/schema.ts';
import { isRuleId, type RuleId } from '../engine/rule-ids.ts';
import { severities, type RuleSetting, type Severity } from '../engine/types.ts';

export const FORMATS = ['stylish', 'json', 'sarif', 'github', 'junit', 'html'] as const;
export type Format = (typeof FORMATS)[number];

export interface CliOptions {
  paths: string[];
  stdin: boolean;
  stdinFilename?: string;
  format: Format;
  failOn: Severity;
  maxWarnings?: number;
  profile?: Profile;
  config?: string;
  rules: Partial<Record<RuleId, RuleSetting>>;
  quiet: boolean;
  /** Apply safe fixes and write them ('write'), or only show them as a diff ('dry-run'). */
  fix: 'off' | 'write' | 'dry-run';
  changedSince?: string;
  /** Worker threads; undefined means decide from the number of files and cores. */
  jobs?: number;
  outputFile?: string;
  help: boolean;
  version: boolean;
}

export class UsageError extends Error {}

export const USAGE = `Usage: overclaim [options] [files, directories or globs…]

Checks drafts about depression and ketamine therapy for overclaims.

Options:
  --format FORMAT              stylish (default; colour on a terminal), json, sarif (code
                               scanning), github (pull-request annotations), junit (CI test
                               reports) or html (a review report to open, print or forward)
  -o, --output-file FILE       write the report to FILE instead of standard output
  --fail-on error|warning|info lowest severity that makes the exit code 1 (default: error)
  --max-warnings N             also exit 1 when there are more than N warnings
  --profile blog|clinic-marketing|editorial
  --config FILE                use this config file instead of searching for .overclaimrc.*
  --rule ID=SEVERITY           set a rule to off|info|warning|error (repeatable)
  --quiet                      report errors only
  --fix                        apply the safe fixes to the files, then report what remains
  --fix-dry-run                show the safe fixes as a unified diff; change nothing
  --changed-since REF          report only lines changed since the git REF (new files in full;
                               document-level rules when the draft changed), e.g. origin/main
  --jobs N                     lint on N threads: this one and N-1 workers (default: one
                               per core and per megabyte of drafts; 1 lints in-process)
  --stdin, -                   read the draft from standard input
  --stdin-filename NAME        name (and language) of the standard-input draft
  -h, --help                   show this help
  -v, --version                show the version

Examples:
  overclaim posts/                              lint every draft under posts/
  overclaim --fix-dry-run posts/a.md            see what --fix would change
  overclaim --changed-since origin/main --format github .
  overclaim --format html -o review.html posts/

Exit codes: 0 nothing at or above the fail level, 1 findings at or above it,
2 usage, configuration, claim-base or I/O error.`;

export function parseCliArgs(argv: string[]): CliOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string' },
        'fail-on': { type: 'string' },
        'max-warnings': { type: 'string' },
        profile: { type: 'string' },
        config: { type: 'string' },
        rule: { type: 'string', multiple: true },
        quiet: { type: 'boolean' },
        fix: { type: 'boolean' },
        'fix-dry-run': { type: 'boolean' },
        'changed-since': { type: 'string' },
        jobs: { type: 'string' },
        'output-file': { type: 'string', short: 'o' },
        stdin: { type: 'boolean' },
        'stdin-filename': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const v = parsed.values;
  const positionals = parsed.positionals.filter((p) => p !== '-');
  const stdin = Boolean(v.stdin) || parsed.positionals.includes('-');
  const format = oneOf('--format', v.format ?? 'stylish', FORMATS);
  const failOn = oneOf('--fail-on', v['fail-on'] ?? 'error', severities);
  const profile = v.profile === undefined ? undefined : oneOf('--profile', v.profile, profiles);
  let maxWarnings: number | undefined;
  if (v['max-warnings'] !== undefined) {
    maxWarnings = Number(v['max-warnings']);
    if (!Number.isInteger(maxWarnings) || maxWarnings < 0)
      throw new UsageError('--max-warnings takes a whole number, 0 or more');
  }
  const rules: CliOptions['rules'] = {};
  for (const spec of v.rule ?? []) {
    const [id, setting] = spec.split('=');
    if (!id || !isRuleId(id)) throw new UsageError(`--rule: unknown rule id "${id ?? ''}"`);
    rules[id] = oneOf('--rule', setting ?? '', ['off', ...severities] as const);
  }
  if (stdin && positionals.length > 0)
    throw new UsageError('give either --stdin or paths, not both');
  if (v.fix && v['fix-dry-run'])
    throw new UsageError('give either --fix or --fix-dry-run, not both');
  if (v.fix && stdin)
    throw new UsageError('--fix writes files; with --stdin use --fix-dry-run to see the changes');
  const changedSince = v['changed-since'];
  if (changedSince !== undefined && (changedSince.trim() === '' || changedSince.startsWith('-')))
    throw new UsageError('--changed-since takes a git ref, e.g. origin/main or HEAD~1');
  if (changedSince !== undefined && stdin)
    throw new UsageError('--changed-since needs files in a git repository, not --stdin');
  let jobs: number | undefined;
  if (v.jobs !== undefined) {
    jobs = Number(v.jobs);
    if (!Number.isInteger(jobs) || jobs < 1 || jobs > 256)
      throw new UsageError('--jobs takes a whole number from 1 to 256');
  }
  if (v['output-file'] === '') throw new UsageError('--output-file needs a file name');
  return {
    paths: positionals,
    stdin,
    stdinFilename: v['stdin-filename'],
    format,
    failOn,
    maxWarnings,
    profile,
    config: v.config,
    rules,
    quiet: Boolean(v.quiet),
    fix: v.fix ? 'write' : v['fix-dry-run'] ? 'dry-run' : 'off',
    changedSince,
    jobs,
    outputFile: v['output-file'],
    help: Boolean(v.help),
    version: Boolean(v.version),
  };
}

function oneOf<T extends string>(flag: string, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`${flag} must be one of ${allowed.join(', ')} (got "${value}")`);
}
