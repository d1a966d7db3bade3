/**
 * Writes docs/claims.md and docs/sources.md from the compiled claim base (run build:knowledge
 * first). With --check it writes nothing and fails, naming the stale file, when either differs
 * from what the data would generate: CI uses this to keep the docs current.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { builtInClaimBase } from '../server/src/knowledge/builtin.ts';
import { claimsMarkdown, sourcesMarkdown } from '../server/src/knowledge/docs.ts';

const root = join(import.meta.dirname, '..');
const check = process.argv.includes('--check');
const outputs = [
  { file: join(root, 'docs', 'claims.md'), text: claimsMarkdown(builtInClaimBase) },
  { file: join(root, 'docs', 'sources.md'), text: sourcesMarkdown(builtInClaimBase) },
];

let stale = 0;
for (const { file, text } of outputs) {
  const name = relative(root, file);
  const current = existsSync(file) ? readFileSync(file, 'utf8') : undefined;
  if (current === text) continue;
  if (check) {
    console.error(`${name} is out of date with knowledge/: run \`npm run docs\` and commit it.`);
    stale++;
  } else {
    writeFileSync(file, text);
    console.log(`wrote ${name}`);
  }
}
if (stale > 0) process.exit(1);
if (check) console.log('docs/claims.md and docs/sources.md are current');
