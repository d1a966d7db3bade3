/** `overclaim kb list [--topic T] [--level L] [--agent A]`: one line per claim. */
import { claimTopics, evidenceLevels } from '../../knowledge/schema.ts';
import { isStale } from '../../knowledge/freshness.ts';
import { UsageError } from '../args.ts';
import { printJson, projectBase, type KbContext } from './context.ts';

export function kbList(ctx: KbContext): number {
  const { topic, level, agent } = ctx.filters;
  if (topic && !(claimTopics as readonly string[]).includes(topic))
    throw new UsageError(`--topic must be one of ${claimTopics.join(', ')}`);
  if (level && !(evidenceLevels as readonly string[]).includes(level))
    throw new UsageError(`--level must be one of ${evidenceLevels.join(', ')}`);
  const base = projectBase(ctx);
  const claims = base.claims.filter(
    (c) =>
      (!topic || c.topic === topic) &&
      (!level || c.evidence === level) &&
      (!agent ||
        (c.scope.agents ?? []).includes(agent) ||
        c.recognise?.agents.includes(agent) ||
        c.approval?.agent === agent),
  );
  const rows = claims.map((c) => ({
    id: c.id,
    topic: c.topic,
    evidence: c.evidence,
    verified: c.verified,
    agents: c.scope.agents ?? [],
    asOf: c.scope.asOf,
    reviewBy: c.reviewBy,
    stale: isStale(c, ctx.today),
    statement: c.statement.replace(/\s+/g, ' ').trim(),
    sources: c.sources,
  }));
  if (ctx.format === 'json') {
    printJson(ctx, { claimBase: base.version, count: rows.length, claims: rows });
    return 0;
  }
  const width = Math.max(2, ...rows.map((r) => r.id.length));
  for (const r of rows) {
    const flags = [r.verified ? '' : 'unverified', r.stale ? `review due ${r.reviewBy}` : '']
      .filter(Boolean)
      .join(', ');
    ctx.io.stdout(
      `${r.id.padEnd(width)}  ${r.topic.padEnd(12)}  ${r.evidence.padEnd(11)}${flags ? `  (${flags})` : ''}\n`,
    );
  }
  ctx.io.stdout(`${rows.length} claim${rows.length === 1 ? '' : 's'}\n`);
  return 0;
}
