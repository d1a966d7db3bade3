/** Every id a finding can carry, with what the outputs say about it (SARIF rules, report). */
import { SUPPRESSION_RULE_ID } from '../engine/lint.ts';
import { rules } from '../engine/rules/index.ts';
import { RULE_DOCS_BASE, ruleDocsUrl } from '../engine/rules/rule.ts';
import type { Severity } from '../engine/types.ts';

export interface RuleEntry {
  id: string;
  defaultSeverity: Severity;
  summary: string;
  docsUrl: string;
  scope: 'sentence' | 'document' | 'comment';
}

export const ruleCatalog: readonly RuleEntry[] = [
  ...rules.map((r) => ({
    id: r.id,
    defaultSeverity: r.defaultSeverity,
    summary: r.summary,
    docsUrl: ruleDocsUrl(r.id),
    scope: r.scope,
  })),
  {
    id: SUPPRESSION_RULE_ID,
    defaultSeverity: 'warning',
    summary:
      'A suppression comment that is malformed, names an unknown rule, or gives no reason where one is required.',
    docsUrl: RULE_DOCS_BASE.replace(/docs\/rules\/$/, 'README.md#configuration'),
    scope: 'comment',
  },
];

const byId = new Map(ruleCatalog.map((r) => [r.id, r]));

export function ruleEntry(id: string): RuleEntry {
  return (
    byId.get(id) ?? {
      id,
      defaultSeverity: 'warning',
      summary: id,
      docsUrl: ruleDocsUrl(id),
      scope: 'sentence',
    }
  );
}
