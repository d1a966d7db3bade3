/**
 * Precision and recall per rule on the project's labelled corpus (test/corpus). Sentences are
 * linted one by one with the document-level rules off; documents are checked for those only.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { configSchema } from '../../server/src/config/schema.ts';
import { lint } from '../../server/src/engine/lint.ts';
import { ruleIds } from '../../server/src/engine/rule-ids.ts';
import { builtInClaimBase } from '../../server/src/knowledge/builtin.ts';

interface Item {
  text: string;
  expect: string[];
  why?: string;
  name?: string;
}

export interface RuleScore {
  rule: string;
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
}

export interface Evaluation {
  scores: RuleScore[];
  mistakes: { text: string; expected: string[]; got: string[] }[];
  items: number;
}

const DOCUMENT_RULES = new Set(['fair-balance', 'missing-disclaimer']);
const corpus = join(import.meta.dirname, '..', 'corpus');

function load(name: string): Item[] {
  return parse(readFileSync(join(corpus, name), 'utf8')) as Item[];
}

export function evaluate(): Evaluation {
  const counts = new Map(ruleIds.map((r) => [r as string, { tp: 0, fp: 0, fn: 0 }]));
  const mistakes: Evaluation['mistakes'] = [];
  const sentenceConfig = configSchema().parse({
    rules: { 'fair-balance': 'off', 'missing-disclaimer': 'off' },
  });
  const run = (
    items: Item[],
    scope: (rule: string) => boolean,
    config = configSchema().parse({}),
  ) => {
    for (const item of items) {
      const got = new Set(
        lint(item.text, { claimBase: builtInClaimBase, config, path: 'corpus.md' })
          .findings.map((f) => f.ruleId)
          .filter(scope),
      );
      const expected = new Set(item.expect.filter(scope));
      for (const rule of new Set([...got, ...expected])) {
        const c = counts.get(rule);
        if (!c) continue;
        if (got.has(rule) && expected.has(rule)) c.tp++;
        else if (got.has(rule)) c.fp++;
        else c.fn++;
      }
      if ([...got].sort().join() !== [...expected].sort().join()) {
        mistakes.push({ text: item.name ?? item.text, expected: [...expected], got: [...got] });
      }
    }
  };
  const sentences = load('sentences.yaml');
  const documents = load('documents.yaml');
  run(sentences, (r) => !DOCUMENT_RULES.has(r), sentenceConfig);
  run(documents, (r) => DOCUMENT_RULES.has(r));
  const scores = [...counts].map(([rule, c]) => ({
    rule,
    ...c,
    precision: c.tp + c.fp === 0 ? 1 : c.tp / (c.tp + c.fp),
    recall: c.tp + c.fn === 0 ? 1 : c.tp / (c.tp + c.fn),
  }));
  return { scores, mistakes, items: sentences.length + documents.length };
}
