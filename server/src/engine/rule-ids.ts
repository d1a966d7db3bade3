/** The stable rule ids (DESIGN §1): used by config, inline comments, SARIF and docs. */
export const ruleIds = [
  'cure-claim',
  'universal-claim',
  'low-dose-unqualified',
  'approval-status',
  'safety-minimisation',
  'mechanism-as-fact',
  'evidence-overstatement',
  'onset-overclaim',
  'suicide-claim',
  'unsupported-statistic',
  'missing-citation',
  'fair-balance',
  'missing-disclaimer',
] as const;

export type RuleId = (typeof ruleIds)[number];

export function isRuleId(id: string): id is RuleId {
  return (ruleIds as readonly string[]).includes(id);
}
