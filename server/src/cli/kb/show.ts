/** `overclaim kb show <id>`: the claim card, as in the editor hover. */
import { claimCardMarkdown, claimCardText } from '../../knowledge/claim-card.ts';
import { staleNote } from '../../knowledge/freshness.ts';
import { UsageError } from '../args.ts';
import { printJson, projectBase, type KbContext } from './context.ts';

export function kbShow(ctx: KbContext): number {
  const [id, extra] = ctx.positionals;
  if (!id || extra) throw new UsageError('kb show takes exactly one claim id');
  const base = projectBase(ctx);
  const claim = base.claims.find((c) => c.id === id);
  if (!claim) {
    const near = base.claims.filter((c) => c.id.includes(id) || id.includes(c.id)).map((c) => c.id);
    throw new UsageError(
      `no claim "${id}"${near.length > 0 ? ` (did you mean ${near.slice(0, 5).join(', ')}?)` : ''}`,
    );
  }
  const options = { today: ctx.today };
  if (ctx.format === 'json') {
    const byId = new Map(base.sources.map((s) => [s.id, s]));
    printJson(ctx, {
      claim,
      sources: claim.sources.map((s) => byId.get(s) ?? { id: s, missing: true }),
      stale: staleNote(claim, ctx.today) ?? null,
      markdown: claimCardMarkdown(base, id, options),
    });
  } else if (ctx.format === 'markdown') ctx.io.stdout(claimCardMarkdown(base, id, options) ?? '');
  else ctx.io.stdout(claimCardText(base, id, options) ?? '');
  return 0;
}
