/** Command-line flags, parsed and checked before anything is read. */
import { parseArgs } from 'node:util';
import { profiles, type Profile } from '../config/schema.ts';
import { isRuleId, type RuleId } from '../engine/rule-ids.ts';
import { severities, type RuleSetting, type Severity } from '../engine/types.ts';

export const FORMATS = ['stylish', 'json'] as const;
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
  help: boolean;
  version: boolean;
}

export class UsageError extends Error {}

export const USAGE = `Usage: overclaim [options] [files, directories or globs…]

Checks drafts about depression and ketamine therapy for overclaims.

Options:
  --format stylish|json        output format (default: stylish)
  --fail-on error|warning|info lowest severity that makes the exit code 1 (default: error)
  --max-warnings N             also exit 1 when there are more than N warnings
  --profile blog|clinic-marketing|editorial
  --config FILE                use this config file instead of searching for .overclaimrc.*
  --rule ID=SEVERITY           set a rule to off|info|warning|error (repeatable)
  --quiet                      report errors only
  --stdin, -                   read the draft from standard input
  --stdin-filename NAME        name (and language) of the standard-input draft
  -h, --help                   show this help
  -v, --version                show the version

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
    help: Boolean(v.help),
    version: Boolean(v.version),
  };
}

function oneOf<T extends string>(flag: string, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`${flag} must be one of ${allowed.join(', ')} (got "${value}")`);
}
