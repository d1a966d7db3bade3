/** `overclaim kb <list|show|check|stats|extract>`: inspect and grow the claim base. */
import { ConfigError } from '../../node/config-loader.ts';
import { InputError } from '../../node/collect-files.ts';
import { KnowledgeError } from '../../knowledge/compile.ts';
import { UsageError } from '../args.ts';
import type { CliIo } from '../run.ts';
import { kbCheck } from './check.ts';
import { parseKbArgs, type KbContext } from './context.ts';
import { kbExtract } from './extract.ts';
import { kbList } from './list.ts';
import { kbShow } from './show.ts';
import { kbStats } from './stats.ts';

export const KB_USAGE = `Usage: overclaim kb <command> [options]

Commands:
  list [--topic T] [--level L] [--agent A]   claims, filtered by topic, evidence level or treatment
  show <claim-id>                            the claim card (statement, evidence, scope, caveats, sources)
  check [claim-base files…]                  validation, stale entries, unused sources, coverage (exit 1 on problems)
  stats                                      counts by topic, evidence, source type; seeds and their verdicts
  extract <file…>                            candidate claims from Markdown or text documents, as a YAML draft

Options:
  --format text|json      output (show also takes markdown); default text
  --config FILE           project config whose claimBases extend the shipped base (default: found from the cwd)
  --today YYYY-MM-DD      date used for review-date checks (default: today)
`;

const commands: Record<string, (ctx: KbContext) => number> = {
  list: kbList,
  show: kbShow,
  check: kbCheck,
  stats: kbStats,
  extract: kbExtract,
};

export function runKb(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    // Asked for help: stdout, success. No command at all is a usage error: stderr, exit 2.
    if (name) io.stdout(KB_USAGE);
    else io.stderr(`overclaim kb: a command is required\n${KB_USAGE}`);
    return Promise.resolve(name ? 0 : 2);
  }
  try {
    const command = commands[name];
    if (!command) throw new UsageError(`unknown kb command "${name}"`);
    return Promise.resolve(command(parseKbArgs(rest, io)));
  } catch (error) {
    const message =
      error instanceof KnowledgeError
        ? `invalid claim-base file:\n${error.message}`
        : error instanceof UsageError || error instanceof ConfigError || error instanceof InputError
          ? error.message
          : undefined;
    if (message === undefined) throw error;
    io.stderr(
      `overclaim kb: ${message}\n${error instanceof UsageError ? 'Run "overclaim kb --help" for usage.\n' : ''}`,
    );
    return Promise.resolve(2);
  }
}
