/**
 * `overclaim kb check [claim-base files…]`: validation, stale entries, unused sources and
 * coverage gaps. Exit 1 when any is found, so a curator (or CI) sees what needs attention.
 */
import { auditClaimBase } from '../../knowledge/audit.ts';
import { builtInClaimBase } from '../../knowledge/builtin.ts';
import {
  formatProblem,
  KnowledgeError,
  validateClaimBase,
  type ClaimBase,
  type KnowledgeProblem,
} from '../../knowledge/compile.ts';
import { loadClaimBases } from '../../node/claim-base-loader.ts';
import { printJson, projectBase, type KbContext } from './context.ts';

export function kbCheck(ctx: KbContext): number {
  const problems: KnowledgeProblem[] = [];
  let base: ClaimBase = builtInClaimBase;
  try {
    base = projectBase(ctx);
    if (ctx.positionals.length > 0) base = loadClaimBases(base, ctx.positionals, ctx.io.cwd);
  } catch (error) {
    if (!(error instanceof KnowledgeError)) throw error;
    problems.push(...error.problems);
  }
  problems.push(...validateClaimBase(base, 'claim base'));
  const audit = auditClaimBase(base, ctx.today);
  const failing =
    problems.length + audit.stale.length + audit.unusedSources.length + audit.coverage.length;
  if (ctx.format === 'json') {
    printJson(ctx, {
      ok: failing === 0,
      today: ctx.today,
      claimBase: base.version,
      validation: problems,
      ...audit,
    });
    return failing === 0 ? 0 : 1;
  }
  const out: string[] = [];
  const section = (title: string, lines: string[]) => {
    out.push(
      `${title}: ${lines.length === 0 ? 'none' : lines.length}`,
      ...lines.map((l) => `  ${l}`),
    );
  };
  section('validation problems', problems.map(formatProblem));
  section(
    `past their review date on ${ctx.today}`,
    audit.stale.map(
      (s) => `${s.id} (${s.topic}; as of ${s.asOf ?? '?'}, review due ${s.reviewBy})`,
    ),
  );
  section('sources no claim cites', audit.unusedSources);
  section(
    'lexicon terms no claim covers',
    audit.coverage.map((g) => `${g.category}: ${g.id}`),
  );
  out.push(
    `advisory — unverified claims (never cited as established): ${audit.unverifiedClaims.join(', ') || 'none'}`,
    `advisory — sources without DOI, PMID or URL: ${audit.unlinkedSources.length}`,
    failing === 0 ? 'claim base OK' : `${failing} problem${failing === 1 ? '' : 's'}`,
  );
  ctx.io.stdout(`${out.join('\n')}\n`);
  return failing === 0 ? 0 : 1;
}
