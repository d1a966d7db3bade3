/**
 * Where the CLI's time goes: runs `node --cpu-prof dist/cli.js <files>` (or reads a
 * .cpuprofile), maps every sample back to the original source through dist/cli.js.map, and
 * prints self time per area (parsing, each engine file, claim base, CLI, GC) plus the inclusive
 * time of the engine's stages and the hottest functions.
 *
 *   npx tsx bench/profile.ts bench/.corpus/full/posts/*.md
 *   npx tsx bench/profile.ts --profile some.cpuprofile
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  parent?: number;
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const root = resolve(fileURLToPath(import.meta.url), '..', '..');
const bundle = join(root, 'dist', 'cli.js');

/** Functions whose inclusive time tells the story of one lint: parse, prose, analysis, rules. */
const STAGES = [
  'runCli',
  'collectFiles',
  'readDocument',
  'lint',
  'extractProse',
  'parseMarkdown',
  'analyseDocument',
  'splitSentences',
  'analyseSentence',
  'matchAll',
  'tokenize',
  'check',
  'indexKnowledge',
  'formatStylish',
  'formatJson',
];

function runProfiler(files: string[]): CpuProfile {
  const dir = mkdtempSync(join(tmpdir(), 'overclaim-prof-'));
  const run = spawnSync(
    process.execPath,
    ['--cpu-prof', `--cpu-prof-dir=${dir}`, bundle, ...files],
    {
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  if (run.status !== 0 && run.status !== 1) throw new Error(`the CLI exited with ${run.status}`);
  const name = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
  if (!name) throw new Error('no .cpuprofile written');
  return JSON.parse(readFileSync(join(dir, name), 'utf8')) as CpuProfile;
}

/** Original source file and function name of a frame, through the bundle's source map. */
function makeResolver(): (frame: CallFrame) => { file: string; name: string } {
  const map = new SourceMap(
    JSON.parse(readFileSync(`${bundle}.map`, 'utf8')) as ConstructorParameters<typeof SourceMap>[0],
  );
  return (frame) => {
    if (!frame.url.endsWith('/dist/cli.js'))
      return { file: frame.url || frame.functionName, name: frame.functionName };
    const entry = map.findEntry(frame.lineNumber, frame.columnNumber) as {
      originalSource?: string;
      name?: string;
    };
    const file = (entry.originalSource ?? 'dist/cli.js').replace(
      /^.*?(node_modules|server\/src)/,
      '$1',
    );
    return { file, name: frame.functionName || entry.name || '(anonymous)' };
  };
}

/** Coarse areas, so the answer to "parse or analysis?" is one line each. */
function area(file: string): string {
  if (file.startsWith('(')) return file; // (garbage collector), (program), (idle)
  if (
    /node_modules\/(micromark|mdast-util|remark-|unified|vfile|unist|decode-named|character-|devlop|trough|bail|is-plain|ccount|markdown-table|longest-streak|zwitch|estree|acorn)/.test(
      file,
    )
  )
    return 'parse (remark/micromark)';
  if (file.includes('node_modules/yaml')) return 'yaml';
  if (file.includes('node_modules/zod')) return 'zod';
  if (file.startsWith('server/src/engine/rules/')) return 'engine: rules';
  if (file.startsWith('server/src/engine/'))
    return `engine: ${file.slice('server/src/engine/'.length)}`;
  if (file.startsWith('server/src/')) return file.split('/').slice(0, 3).join('/');
  if (file.startsWith('node:')) return 'node internals';
  if (file.startsWith('node_modules/')) return file.split('/').slice(0, 2).join('/');
  return 'other';
}

function summarise(profile: CpuProfile): void {
  const resolveFrame = makeResolver();
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  for (const n of profile.nodes)
    for (const c of n.children ?? []) {
      const child = byId.get(c);
      if (child) child.parent = n.id;
    }
  const frames = new Map(profile.nodes.map((n) => [n.id, resolveFrame(n.callFrame)]));
  const selfByArea = new Map<string, number>();
  const selfByFunction = new Map<string, number>();
  const inclusive = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    total += ms;
    const frame = frames.get(id);
    if (!frame) return;
    const key = area(frame.file);
    selfByArea.set(key, (selfByArea.get(key) ?? 0) + ms);
    const fn = `${frame.name} (${frame.file})`;
    selfByFunction.set(fn, (selfByFunction.get(fn) ?? 0) + ms);
    // Inclusive time per stage name, counted once per sample even through recursion.
    const seen = new Set<string>();
    for (let n = byId.get(id); n; n = n.parent === undefined ? undefined : byId.get(n.parent)) {
      const name = frames.get(n.id)?.name ?? '';
      if (STAGES.includes(name) && !seen.has(name)) {
        seen.add(name);
        inclusive.set(name, (inclusive.get(name) ?? 0) + ms);
      }
    }
  });
  const line = (label: string, ms: number): string =>
    `  ${label.padEnd(58)} ${ms.toFixed(0).padStart(7)} ms ${((100 * ms) / total).toFixed(1).padStart(5)}%`;
  const top = (m: Map<string, number>, n: number): [string, number][] =>
    [...m].sort((a, b) => b[1] - a[1]).slice(0, n);
  console.log(`Sampled ${total.toFixed(0)} ms.\n\nSelf time by area:`);
  for (const [k, ms] of top(selfByArea, 30)) console.log(line(k, ms));
  console.log('\nInclusive time of the stages:');
  for (const s of STAGES) if (inclusive.has(s)) console.log(line(s, inclusive.get(s) ?? 0));
  console.log('\nHottest functions (self time):');
  for (const [k, ms] of top(selfByFunction, 25)) console.log(line(k.slice(0, 58), ms));
}

const args = process.argv.slice(2);
const at = args.indexOf('--profile');
const given = at >= 0 ? args[at + 1] : undefined;
summarise(
  given
    ? (JSON.parse(readFileSync(given, 'utf8')) as CpuProfile)
    : runProfiler(args.length > 0 ? args : ['bench/.corpus/full/posts']),
);
