/**
 * What `overclaim kb check` reports beyond schema errors: claims past their review date, sources
 * nothing cites, and lexicon terms (treatments, routes, conditions) no claim is about. Pure.
 */
import type { ClaimBase } from './compile.ts';
import { isStale } from './freshness.ts';

export interface StaleEntry {
  id: string;
  topic: string;
  asOf?: string;
  reviewBy: string;
}

export interface CoverageGap {
  category: 'treatments' | 'routes' | 'conditions';
  id: string;
}

export interface Audit {
  stale: StaleEntry[];
  /** Sources no claim cites (a seed with judged statements counts as used). */
  unusedSources: string[];
  coverage: CoverageGap[];
  /** Advisory: claims marked unverified (never cited as established). */
  unverifiedClaims: string[];
  /** Advisory: sources a reader cannot follow by DOI, PMID or URL. */
  unlinkedSources: string[];
}

export function auditClaimBase(base: ClaimBase, today: string): Audit {
  const cited = new Set(base.claims.flatMap((c) => c.sources));
  const covered = {
    treatments: new Set(
      base.claims.flatMap((c) => [
        ...(c.scope.agents ?? []),
        ...(c.recognise?.agents ?? []),
        ...(c.approval ? [c.approval.agent] : []),
      ]),
    ),
    routes: new Set(base.claims.flatMap((c) => c.scope.routes ?? [])),
    conditions: new Set(
      base.claims.flatMap((c) => [...(c.scope.conditions ?? []), ...(c.approval?.conditions ?? [])]),
    ),
  };
  const coverage: CoverageGap[] = (['treatments', 'routes', 'conditions'] as const).flatMap((category) =>
    (base.lexicon[category] ?? [])
      .filter((t) => !covered[category].has(t.id))
      .map((t) => ({ category, id: t.id })),
  );
  return {
    stale: base.claims
      .filter((c) => isStale(c, today))
      .map((c) => ({ id: c.id, topic: c.topic, asOf: c.scope.asOf, reviewBy: c.reviewBy ?? '' }))
      .sort((a, b) => a.reviewBy.localeCompare(b.reviewBy) || a.id.localeCompare(b.id)),
    unusedSources: base.sources
      .filter((s) => !cited.has(s.id) && !(s.seed && s.seed.statements.length > 0))
      .map((s) => s.id),
    coverage,
    unverifiedClaims: base.claims.filter((c) => !c.verified).map((c) => c.id),
    unlinkedSources: base.sources.filter((s) => !s.doi && !s.pmid && !s.url).map((s) => s.id),
  };
}
