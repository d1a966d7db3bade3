/** npm run eval: prints precision and recall per rule on the labelled corpus (add --verbose for the misses). */
import { evaluate } from '../test/support/evaluate.ts';

const { scores, mistakes, items } = evaluate();
const pad = (s: string | number, n: number) => String(s).padEnd(n);
console.log(
  `Labelled corpus: ${items} items (test/corpus/sentences.yaml, test/corpus/documents.yaml)\n`,
);
console.log(
  `${pad('rule', 24)}${pad('TP', 5)}${pad('FP', 5)}${pad('FN', 5)}${pad('precision', 11)}recall`,
);
let tp = 0;
let fp = 0;
let fn = 0;
for (const s of scores) {
  tp += s.tp;
  fp += s.fp;
  fn += s.fn;
  console.log(
    `${pad(s.rule, 24)}${pad(s.tp, 5)}${pad(s.fp, 5)}${pad(s.fn, 5)}${pad(s.precision.toFixed(2), 11)}${s.recall.toFixed(2)}`,
  );
}
console.log(
  `${pad('all rules (micro)', 24)}${pad(tp, 5)}${pad(fp, 5)}${pad(fn, 5)}${pad((tp / (tp + fp)).toFixed(2), 11)}${(tp / (tp + fn)).toFixed(2)}`,
);
if (process.argv.includes('--verbose')) {
  console.log(`\n${mistakes.length} item(s) where the rules differ from the labels:`);
  for (const m of mistakes)
    console.log(`- ${m.text}\n    expected [${m.expected.join(', ')}] got [${m.got.join(', ')}]`);
}
