/** The shipped claim base, validated and compiled by scripts/build-knowledge.ts. */
import data from '../generated/claim-base.json' with { type: 'json' };
import type { ClaimBase } from './compile.ts';

export const builtInClaimBase = data as unknown as ClaimBase;
