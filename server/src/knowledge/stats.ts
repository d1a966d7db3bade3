/** Counts for `overclaim kb stats`: what the base holds and how much of it is verified and current. */
import type { ClaimBase } from './compile.ts';
import { isStale } from './freshness.ts';

export interface ClaimBaseStats {
  version: string;
  claims: number;
  sources: number;
  claimsByTopic: Record<string, number>;
  claimsByEvidence: Record<string, number>;
  unverifiedClaims: number;
  staleClaims: number;
  datedClaims: number;
  sourcesByType: Record<string, number>;
  unverifiedSources: number;
  seeds: { id: string; file: string; role: string; statements: Record<string, number> }[];
  lexiconTerms: Record<string, number>;
  triggersByRule: Record<string, number>;
}

function countBy<T>(items: T[], key: (t: T) => string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const item of items) out[key(item)] = (out[key(item)] ?? 0) + 1;
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => a.localeCompare(b)));
}

export function claimBaseStats(base: ClaimBase, today: string): ClaimBaseStats {
  return {
    version: base.version,
    claims: base.claims.length,
    sources: base.sources.length,
    claimsByTopic: countBy(base.claims, (c) => c.topic),
    claimsByEvidence: countBy(base.claims, (c) => c.evidence),
    unverifiedClaims: base.claims.filter((c) => !c.verified).length,
    staleClaims: base.claims.filter((c) => isStale(c, today)).length,
    datedClaims: base.claims.filter((c) => c.scope.asOf).length,
    sourcesByType: countBy(base.sources, (s) => s.type),
    unverifiedSources: base.sources.filter((s) => !s.verified).length,
    seeds: base.sources.flatMap((s) =>
      s.seed
        ? [{ id: s.id, file: s.seed.file, role: s.seed.role, statements: countBy(s.seed.statements, (x) => x.verdict) }]
        : [],
    ),
    lexiconTerms: Object.fromEntries(Object.entries(base.lexicon).map(([k, v]) => [k, v.length])),
    triggersByRule: Object.fromEntries(Object.entries(base.triggers).map(([k, v]) => [k, v.length])),
  };
}
