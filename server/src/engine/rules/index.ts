/** The rule registry: every rule, in the order the docs list them. */
import approvalStatus from './approval-status.ts';
import cureClaim from './cure-claim.ts';
import evidenceOverstatement from './evidence-overstatement.ts';
import fairBalance from './fair-balance.ts';
import lowDoseUnqualified from './low-dose-unqualified.ts';
import mechanismAsFact from './mechanism-as-fact.ts';
import missingCitation from './missing-citation.ts';
import missingDisclaimer from './missing-disclaimer.ts';
import onsetOverclaim from './onset-overclaim.ts';
import safetyMinimisation from './safety-minimisation.ts';
import suicideClaim from './suicide-claim.ts';
import universalClaim from './universal-claim.ts';
import unsupportedStatistic from './unsupported-statistic.ts';
import type { Rule } from './rule.ts';

export const rules: readonly Rule[] = [
  cureClaim,
  universalClaim,
  lowDoseUnqualified,
  approvalStatus,
  safetyMinimisation,
  mechanismAsFact,
  evidenceOverstatement,
  onsetOverclaim,
  suicideClaim,
  unsupportedStatistic,
  missingCitation,
  fairBalance,
  missingDisclaimer,
];

export const rulesById = new Map(rules.map((r) => [r.id, r]));
