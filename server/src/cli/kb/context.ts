/**
 * Shared set-up for `overclaim kb …`: options, and the claim base the project actually uses
 * (the shipped base extended with the config's `claimBases`), so a clinic sees its own claims.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { builtInClaimBase } from '../../knowledge/builtin.ts';
import type { ClaimBase } from '../../knowledge/compile.ts';
import { isoToday } from '../../knowledge/freshness.ts';
import { loadClaimBases } from '../../node/claim-base-loader.ts';
import { findConfigFile, loadConfigFile } from '../../node/config-loader.ts';
import { UsageError } from '../args.ts';
import type { CliIo } from '../run.ts';

export interface KbContext {
  io: CliIo;
  format: 'text' | 'json' | 'markdown';
  today: string;
  positionals: string[];
  filters: { topic?: string; level?: string; agent?: string };
  config?: string;
}

export function parseKbArgs(argv: string[], io: CliIo): KbContext {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        format: { type: 'string', short: 'f' },
        config: { type: 'string', short: 'c' },
        today: { type: 'string' },
        topic: { type: 'string' },
        level: { type: 'string' },
        agent: { type: 'string' },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  const format = values.format ?? 'text';
  if (format !== 'text' && format !== 'json' && format !== 'markdown')
    throw new UsageError(`--format must be text, json or markdown, not "${format}"`);
  if (values.today !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(values.today))
    throw new UsageError('--today must be a date like 2026-11-21');
  return {
    io,
    format,
    today: values.today ?? isoToday(),
    positionals,
    filters: { topic: values.topic, level: values.level, agent: values.agent },
    config: values.config,
  };
}

/** The shipped base plus the claim bases the project's config declares. */
export function projectBase(ctx: KbContext): ClaimBase {
  const file = ctx.config ? resolve(ctx.io.cwd, ctx.config) : findConfigFile(ctx.io.cwd);
  if (!file) return builtInClaimBase;
  const loaded = loadConfigFile(file);
  return loadClaimBases(builtInClaimBase, loaded.config.claimBases, loaded.dir);
}

export function printJson(ctx: KbContext, value: unknown): void {
  ctx.io.stdout(`${JSON.stringify(value, null, 2)}\n`);
}
