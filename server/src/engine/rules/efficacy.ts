/** Benefit claims: a treatment and an effect word the writer asserts (hedged benefits still count). */
import type { Mention, Sentence } from '../analyse.ts';
import { isAsserted } from '../assertion.ts';

export function assertedBenefits(s: Sentence): Mention[] {
  if (s.treatments.length === 0) return [];
  return s.mentions.effects.filter((m) => isAsserted(s, m, { hedgesAnswer: false }));
}
