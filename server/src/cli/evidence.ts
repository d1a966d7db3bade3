/** Looks up the claim and sources behind a finding, for the formats that show evidence. */
import type { Finding } from '../engine/types.ts';
import type { ClaimBase } from '../knowledge/compile.ts';
import { referenceText, sourceUrl } from '../knowledge/describe.ts';
import type { Claim, Source } from '../knowledge/schema.ts';

export interface CitedSource {
  source: Source;
  /** "Authors. Title. Venue Year." */
  reference: string;
  url?: string;
}

export interface Evidence {
  claim?: Claim;
  sources: CitedSource[];
}

interface Index {
  claims: Map<string, Claim>;
  sources: Map<string, Source>;
}

const indexes = new WeakMap<ClaimBase, Index>();

function indexOf(base: ClaimBase): Index {
  let index = indexes.get(base);
  if (!index) {
    index = {
      claims: new Map(base.claims.map((c) => [c.id, c])),
      sources: new Map(base.sources.map((s) => [s.id, s])),
    };
    indexes.set(base, index);
  }
  return index;
}

export function evidenceFor(base: ClaimBase, finding: Finding): Evidence {
  const index = indexOf(base);
  const claim = finding.claimId ? index.claims.get(finding.claimId) : undefined;
  const sources = finding.sources.flatMap((id) => {
    const source = index.sources.get(id);
    return source ? [{ source, reference: referenceText(source), url: sourceUrl(source) }] : [];
  });
  return { claim, sources };
}
