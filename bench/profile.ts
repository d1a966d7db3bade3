/**
 * Where the CLI's time goes: runs `node --cpu-prof dist/cli.cjs <files>` (or reads a
 * .cpuprofile), maps every sample back to the module it was bundled from, and
 * prints self time per area (parsing, each engine file, claim base, CLI, GC) plus the inclusive
 * time of the engine's stages and the hottest functions. Profiles of worker threads are merged.
 *
 *   npx tsx bench/profile.ts bench/.corpus/full/posts/*.md
 *   npx tsx bench/profile.ts --profile some.cpuprofile
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
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
const cli = join(root, 'dist', 'cli.cjs');
/** The code dist/cli.cjs loads (with V8's code cache): every sample of the CLI's own code. */
const bundle = join(root, 'dist', 'cli-main.cjs');

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

/** One profile per thread (main and workers): the CLI spreads files over worker threads. */
function runProfiler(files: string[]): CpuProfile[] {
  const dir = mkdtempSync(join(tmpdir(), 'overclaim-prof-'));
  const run = spawnSync(process.execPath, ['--cpu-prof', `--cpu-prof-dir=${dir}`, cli, ...files], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (run.status !== 0 && run.status !== 1) throw new Error(`the CLI exited with ${run.status}`);
  const names = readdirSync(dir).filter((f) => f.endsWith('.cpuprofile'));
  if (names.length === 0) throw new Error('no .cpuprofile written');
  return names.map((name) => JSON.parse(readFileSync(join(dir, name), 'utf8')) as CpuProfile);
}

/**
 * Original source file of a frame. esbuild marks where each module starts in the bundle with a
 * `// path/to/module.ts` line, which is exact where a source map lookup at a function's first
 * column can land on the module before it.
 */
function makeResolver(): (frame: CallFrame) => { file: string; name: string } {
  const starts: { line: number; file: string }[] = [];
  readFileSync(bundle, 'utf8')
    .split('\n')
    .forEach((text, line) => {
      const m = /^\/\/ ((?:node_modules|server|scripts)\/\S+)$/.exec(text);
      if (m?.[1]) starts.push({ line, file: m[1] });
    });
  const fileAt = (line: number): string => {
    let lo = 0;
    let hi = starts.length - 1;
    let found = 'dist/cli-main.cjs';
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const start = starts[mid];
      if (start && start.line <= line) {
        found = start.file;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  };
  return (frame) => ({
    file: frame.url.endsWith('/dist/cli-main.cjs')
      ? fileAt(frame.lineNumber)
      : frame.url || frame.functionName,
    name: frame.functionName || '(anonymous)',
  });
}

/** Coarse areas, so the answer to "parse or analysis?" is one line each. */
function area(file: string, name: string): string {
  if (name.startsWith('RegExp:')) return 'regular expressions (all code)';
  if (file.startsWith('(')) return file; // (garbage collector), (program), (idle)
  if (
    /node_modules\/(micromark|mdast-util|remark-|unified|vfile|unist|decode-named|character-|devlop|trough|bail|is-plain|ccount|markdown-table|longest-streak|zwitch|estree|acorn)/.test(
      file,
    )
  )
    return 'parse (remark/micromark)';
  if (file.includes('node_modules/yaml')) return 'yaml';
  if (file.includes('node_modules/zod')) return 'zod';
  if (file.startsWith('server/src/engine/rules/'))
    return `engine: rules/${file.slice('server/src/engine/rules/'.length)}`;
  if (file.startsWith('server/src/engine/'))
    return `engine: ${file.slice('server/src/engine/'.length)}`;
  if (file.startsWith('server/src/')) return file.split('/').slice(0, 3).join('/');
  if (file.startsWith('node:')) return 'node internals';
  if (file === name) return 'native (V8 and Node built-ins)';
  if (file.startsWith('node_modules/')) return file.split('/').slice(0, 2).join('/');
  return 'other';
}

function summarise(profiles: CpuProfile[]): void {
  const resolveFrame = makeResolver();
  const selfByArea = new Map<string, number>();
  const selfByFunction = new Map<string, number>();
  const inclusive = new Map<string, number>();
  let total = 0;
  let idle = 0;
  for (const profile of profiles) {
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    for (const n of profile.nodes)
      for (const c of n.children ?? []) {
        const child = byId.get(c);
        if (child) child.parent = n.id;
      }
    const frames = new Map(profile.nodes.map((n) => [n.id, resolveFrame(n.callFrame)]));
    profile.samples.forEach((id, i) => {
      const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
      const frame = frames.get(id);
      if (!frame) return;
      // A thread waiting (the main thread while workers lint) is not cost.
      if (frame.name === '(idle)') {
        idle += ms;
        return;
      }
      total += ms;
      const key = area(frame.file, frame.name);
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
  }
  const line = (label: string, ms: number): string =>
    `  ${label.padEnd(58)} ${ms.toFixed(0).padStart(7)} ms ${((100 * ms) / total).toFixed(1).padStart(5)}%`;
  const top = (m: Map<string, number>, n: number): [string, number][] =>
    [...m].sort((a, b) => b[1] - a[1]).slice(0, n);
  console.log(
    `Sampled ${total.toFixed(0)} ms of CPU over ${profiles.length} thread(s), ${idle.toFixed(0)} ms idle not counted.\n\nSelf time by area:`,
  );
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
    ? [JSON.parse(readFileSync(given, 'utf8')) as CpuProfile]
    : runProfiler(args.length > 0 ? args : ['bench/.corpus/full/posts']),
);
