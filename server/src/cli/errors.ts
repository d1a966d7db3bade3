/** Errors that end a run with exit code 2 and a message on stderr (nothing on stdout). */
import { KnowledgeError } from '../knowledge/compile.ts';
import { InputError } from '../node/collect-files.ts';
import { ConfigError } from '../node/config-loader.ts';
import { UsageError } from './args.ts';

/** An error already worded for the user (e.g. one a worker thread reported). */
export class FatalError extends Error {}

/** The stderr text for an expected error, or undefined for a bug (which is rethrown). */
export function fatalMessage(error: unknown): string | undefined {
  if (error instanceof UsageError)
    return `overclaim: ${error.message}\nRun "overclaim --help" for usage.\n`;
  if (error instanceof ConfigError || error instanceof InputError)
    return `overclaim: ${error.message}\n`;
  if (error instanceof KnowledgeError)
    return `overclaim: invalid claim-base file:\n${error.message}\n`;
  if (error instanceof FatalError) return error.message;
  return undefined;
}
