/**
 * Validates knowledge/ and compiles it into server/src/generated/claim-base.json, which the
 * engine imports. Fails, naming file and entry, on any problem the schema or the cross-checks find.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from 'yaml';
import { buildClaimBase, KnowledgeError, type RawFile } from '../server/src/knowledge/compile.ts';

const root = join(import.meta.dirname, '..');
const knowledge = join(root, 'knowledge');
const hash = createHash('sha256');

function readDir(name: string): RawFile[] {
  const dir = join(knowledge, name);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml') || f.endsWith('.yml'))
    .sort()
    .map((f) => {
      const text = readFileSync(join(dir, f), 'utf8');
      hash.update(text);
      const file = relative(root, join(dir, f));
      try {
        return { file, data: parse(text) as unknown };
      } catch (error) {
        console.error(`${file}: not valid YAML: ${(error as Error).message}`);
        process.exit(1);
      }
    });
}

const files = {
  sources: readDir('sources'),
  claims: readDir('claims'),
  lexicon: readDir('lexicon'),
  triggers: readDir('triggers'),
};
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
try {
  const base = buildClaimBase(files, `${pkg.version}+${hash.digest('hex').slice(0, 8)}`);
  const out = join(root, 'server/src/generated');
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'claim-base.json'), JSON.stringify(base));
  console.log(
    `claim base ${base.version}: ${base.claims.length} claims, ${base.sources.length} sources`,
  );
} catch (error) {
  if (error instanceof KnowledgeError) {
    console.error(`The claim base has ${error.problems.length} problem(s):\n${error.message}`);
    process.exit(1);
  }
  throw error;
}
