/**
 * How current a claim is. Regulatory and fast-moving claims carry `scope.asOf` (when they were
 * last checked) and `reviewBy` (when they must be checked again). Pure: the caller passes today.
 */
import type { Claim } from './schema.ts';

/** Today's date as YYYY-MM-DD (UTC), the default for every freshness check. */
export function isoToday(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** YYYY-MM reads as the first day of that month, so a review month is due as soon as it starts. */
function dayOf(date: string): string {
  return date.length === 7 ? `${date}-01` : date;
}

/** True when the claim has a review date and today is on or after it. */
export function isStale(claim: Claim, today: string): boolean {
  return claim.reviewBy !== undefined && dayOf(today) >= dayOf(claim.reviewBy);
}

/** The note a finding or a claim card carries when the claim it relies on is past review. */
export function staleNote(claim: Claim, today: string): string | undefined {
  if (!isStale(claim, today)) return undefined;
  const checked = claim.scope.asOf ? `last checked ${claim.scope.asOf}, ` : '';
  const what =
    claim.topic === 'regulatory' || claim.evidence === 'regulatory'
      ? 'check the current label or regulator page before relying on it'
      : 'check its sources for newer evidence before relying on it';
  return `The claim base entry "${claim.id}" is past its review date (${checked}review due ${claim.reviewBy}): ${what}.`;
}
