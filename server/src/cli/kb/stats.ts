/** `overclaim kb stats`: what the base holds, how much is verified and how much is due for review. */
import { claimBaseStats } from '../../knowledge/stats.ts';
import { printJson, projectBase, type KbContext } from './context.ts';

export function kbStats(ctx: KbContext): number {
  const stats = claimBaseStats(projectBase(ctx), ctx.today);
  if (ctx.format === 'json') {
    printJson(ctx, stats);
    return 0;
  }
  const counts = (r: Record<string, number>) =>
    Object.entries(r)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ');
  const lines = [
    `claim base ${stats.version}`,
    `claims: ${stats.claims} (${stats.unverifiedClaims} unverified, ${stats.datedClaims} dated, ${stats.staleClaims} past review on ${ctx.today})`,
    `  by topic: ${counts(stats.claimsByTopic)}`,
    `  by evidence: ${counts(stats.claimsByEvidence)}`,
    `sources: ${stats.sources} (${stats.unverifiedSources} unverified)`,
    `  by type: ${counts(stats.sourcesByType)}`,
    `seed documents: ${stats.seeds.length}`,
    ...stats.seeds.map(
      (s) => `  ${s.file} (${s.id}, ${s.role}): ${counts(s.statements) || 'no statements judged'}`,
    ),
    `lexicon terms: ${counts(stats.lexiconTerms)}`,
    `triggers: ${counts(stats.triggersByRule)}`,
  ];
  ctx.io.stdout(`${lines.join('\n')}\n`);
  return 0;
}
