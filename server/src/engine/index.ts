/** The public surface of the engine. */
export { lint, SUPPRESSION_RULE_ID, type LintOptions } from './lint.ts';
export { languageFromPath, type Language } from './parse.ts';
export { LineIndex, type LineColumn } from './positions.ts';
export { rules, rulesById } from './rules/index.ts';
export { ruleDocsUrl } from './rules/rule.ts';
export { ruleIds, isRuleId, type RuleId } from './rule-ids.ts';
export * from './types.ts';
