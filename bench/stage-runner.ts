/**
 * What `bench/stages.ts` counts: reads the drafts, extracts their prose, then runs the engine up
 * to one stage over all of them, once, cold, as the CLI does (same interrupt budget). Bundled by
 * stages.ts and run as `node stage-runner.mjs <stage> <files…>`.
 */
import { readFileSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { INTERRUPT_BUDGET } from '../server/src/cli/interrupt-budget.ts';
import { extractProse, type ProseDocument } from '../server/src/engine/prose.ts';
import { analyseDocument, checkSentences } from '../server/src/engine/lint.ts';
import { indexKnowledge } from '../server/src/engine/knowledge-index.ts';
import { builtInClaimBase } from '../server/src/knowledge/builtin.ts';
import { rules } from '../server/src/engine/rules/index.ts';
import { splitSentences } from '../server/src/engine/sentences.ts';
import { tokenize } from '../server/src/engine/tokens.ts';
import type { RuleContext } from '../server/src/engine/rules/rule.ts';
import { STAGES, type Stage } from './stage-names.ts';

function run(stage: Stage, files: string[]): number {
  const kb = indexKnowledge(builtInClaimBase);
  const texts = files.map((f) => readFileSync(f, 'utf8'));
  const proses = texts.map((t) => extractProse(t, 'markdown'));
  const upTo = STAGES.indexOf(stage);
  const sentenceRules = rules.filter((r) => r.scope === 'sentence');
  let made = 0;
  if (upTo === 0) return made;
  // Up to the scan, the stages' own calls; from the analysis on, the engine's.
  if (upTo <= STAGES.indexOf('scan'))
    for (const prose of proses)
      for (const segment of prose.segments)
        for (const span of splitSentences(segment.text)) {
          made++;
          if (stage === 'split') continue;
          const tokens = tokenize(segment.text.slice(span.start, span.end), span.start);
          made += stage === 'scan' ? kb.sentenceScan.matchAll(tokens).length : tokens.length;
        }
  else
    texts.forEach((source, i) => {
      const prose = proses[i] as ProseDocument;
      const sentences = analyseDocument(kb, prose);
      made += sentences.length;
      if (stage !== 'rules') return;
      const ctx: RuleContext = {
        kb,
        source,
        eol: '\n',
        endsWithNewline: source.endsWith('\n'),
        language: 'markdown',
        citationStyle: 'footnote',
        footnoteLabels: prose.footnoteLabels,
        openEnd: prose.openEnd,
        sentences,
      };
      const { main, citations } = checkSentences(ctx, sentences, sentenceRules);
      made += main.length + citations.length;
    });
  return made;
}

const [stage, ...files] = process.argv.slice(2);
if (!STAGES.includes(stage as Stage)) throw new Error(`unknown stage ${stage}`);
setFlagsFromString(`--interrupt-budget=${INTERRUPT_BUDGET}`);
// What was made is printed, so no stage's work can be optimized away.
process.stdout.write(`${stage} ${run(stage as Stage, files)}\n`);
