/** Turns profile, project rules and front matter into the severity of each rule for one document. */
import type { RuleId } from '../engine/rule-ids.ts';
import { ruleIds } from '../engine/rule-ids.ts';
import type { RuleSetting } from '../engine/types.ts';
import type { Config, FrontMatterConfig, Profile } from './schema.ts';

/** What each profile changes from the rules' defaults. */
const PROFILE_RULES: Record<Profile, Partial<Record<RuleId, RuleSetting>>> = {
  blog: {},
  // Promotional copy: fair balance is a requirement, and so is the disclaimer.
  'clinic-marketing': {
    'fair-balance': 'error',
    'missing-disclaimer': 'warning',
    'missing-citation': 'warning',
  },
  // News and features: sources matter most; a disclaimer is not expected.
  editorial: {
    'missing-citation': 'warning',
    'unsupported-statistic': 'error',
    'missing-disclaimer': 'off',
    'fair-balance': 'info',
  },
};

export function resolveRuleSettings(
  defaults: ReadonlyMap<RuleId, RuleSetting>,
  config: Config,
  frontMatter?: FrontMatterConfig,
): Map<RuleId, RuleSetting> {
  const profile = frontMatter?.profile ?? config.profile;
  const out = new Map<RuleId, RuleSetting>();
  for (const id of ruleIds) {
    out.set(
      id,
      frontMatter?.rules[id] ??
        config.rules[id] ??
        PROFILE_RULES[profile][id] ??
        defaults.get(id) ??
        'warning',
    );
  }
  for (const id of frontMatter?.disable ?? []) out.set(id, 'off');
  return out;
}

export function requiresSuppressionReason(
  config: Config,
  frontMatter?: FrontMatterConfig,
): boolean {
  return (
    config.requireSuppressionReason ??
    (frontMatter?.profile ?? config.profile) === 'clinic-marketing'
  );
}
