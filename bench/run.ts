/**
 * npm run bench [-- --quick] [--runs N] [--out DIR] [--only throughput,startup,latency,instructions]
 *                  [--keep-env]
 *
 * Generates the corpus, then measures in one run, as whole processes: the remark-parse floor,
 * the overclaim CLI, textlint + prh and alex on the 100 posts and on the ~1 MB document; CLI
 * start-up against `node -e 0`; and editor latency against dist/server.js when it is built. On
 * request (`--only instructions`, it takes minutes), the instructions the floor, the CLI and
 * (on the posts) textlint+prh execute under valgrind, a measure that machine load hardly moves.
 * Prints tables with ratios and writes the numbers as JSON under bench/results/.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, platform, release } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { format } from 'prettier';
import { fullSize, generateCorpus, quickSize, type Corpus } from './corpus/generate.ts';
import { countAll, hasValgrind, type InstructionResult } from './instructions.ts';
import { measureLatency } from './latency.ts';
import { countStages } from './stages.ts';
import { measureAll, memoryMethod, stats, type Command, type Sample } from './measure.ts';
import {
  instructionTable,
  latencyTable,
  stageTable,
  toolTable,
  type LatencyResult,
  type ToolResult,
} from './report.ts';

const root = resolve(fileURLToPath(import.meta.url), '..', '..');
const node = process.execPath;
const cli = join(root, 'dist', 'cli.cjs');
const server = join(root, 'dist', 'server.js');

interface Options {
  quick: boolean;
  runs: number;
  /** Under valgrind: two runs unless --runs says otherwise (one takes a minute or more). */
  instructionRuns: number;
  outDir: string;
  corpusDir: string;
  parts: Set<string>;
  edits: number;
  keepEnv: boolean;
}

function parseOptions(argv: string[]): Options {
  const quick = argv.includes('--quick');
  const value = (name: string): string | undefined => {
    const at = argv.indexOf(name);
    return at >= 0 ? argv[at + 1] : undefined;
  };
  const runs = Number(value('--runs') ?? (quick ? 1 : 5));
  if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs takes a positive integer');
  const corpusDir = join(root, 'bench', '.corpus', quick ? 'quick' : 'full');
  return {
    quick,
    runs,
    instructionRuns: Number(value('--runs') ?? (quick ? 1 : 2)),
    corpusDir,
    // Quick runs are smoke tests: their numbers mean nothing, so they stay out of bench/results.
    outDir: resolve(value('--out') ?? (quick ? corpusDir : join(root, 'bench', 'results'))),
    parts: new Set((value('--only') ?? 'throughput,startup,latency').split(',')),
    edits: Number(value('--edits') ?? (quick ? 10 : 200)),
    keepEnv: argv.includes('--keep-env'),
  };
}

/**
 * Variables that make every Node process do work none of the contenders needs, unset for the
 * whole run unless --keep-env. NODE_EXTRA_CA_CERTS, which these sandboxes set to a 220 KB bundle
 * of certificates, makes Node parse each one at start-up: ~0.42 G instructions and 40-90 ms per
 * process, whatever it runs. With it `node -e 0` was mostly certificate parsing, which hid most
 * of the CLI's own start-up and moved every ratio towards 1.
 */
const NODE_START_UP_ENV = ['NODE_EXTRA_CA_CERTS'];

/** Unsets NODE_START_UP_ENV for this process and every command it starts; returns what was set. */
function unsetStartUpEnv(): string[] {
  const set = NODE_START_UP_ENV.filter((name) => process.env[name] !== undefined);
  for (const name of set) delete process.env[name];
  return set;
}

/** Node's option for one V8 background thread instead of four (see POOL_NOTE). */
const POOL1 = '--v8-pool-size=1';
const POOL_NOTE = `pool=1: the same command under \`node ${POOL1}\`: V8's collector and compiler share one background thread instead of four, which the main thread no longer competes with on two cores`;

/**
 * The contenders on one set of files; `countArgv` is the variant whose output is parsed. With
 * several files, overclaim also runs with `--jobs 2`: the CLI's default only starts worker
 * threads for many files, and the target for the posts is set with both cores in use. The
 * floor and overclaim also run with one V8 background thread (POOL_NOTE), a setting users can
 * choose through NODE_OPTIONS.
 */
function contenders(files: string[]): (Command & { countArgv: string[] })[] {
  const textlint = [
    node,
    join(root, 'node_modules/textlint/bin/textlint.js'),
    '--config',
    join(root, 'bench/textlintrc.json'),
  ];
  const alex = [node, join(root, 'node_modules/alex/cli.js')];
  const floor = [node, join(root, 'bench/floor.mjs')];
  return [
    { label: 'floor', argv: [...floor, ...files], countArgv: [], okExitCodes: [0] },
    {
      label: 'overclaim',
      argv: [node, cli, ...files],
      countArgv: [node, cli, '--format', 'json', ...files],
      okExitCodes: [0, 1],
    },
    ...(files.length > 1
      ? [
          {
            label: 'overclaim -j2',
            argv: [node, cli, '--jobs', '2', ...files],
            countArgv: [],
            okExitCodes: [0, 1],
          },
          {
            label: 'floor pool=1',
            argv: [node, POOL1, ...floor.slice(1), ...files],
            countArgv: [],
            okExitCodes: [0],
          },
          {
            label: 'overclaim pool=1',
            argv: [node, POOL1, cli, ...files],
            countArgv: [],
            okExitCodes: [0, 1],
          },
        ]
      : []),
    {
      label: 'textlint+prh',
      argv: [...textlint, ...files],
      countArgv: [...textlint, '--format', 'json', ...files],
      okExitCodes: [0, 1],
    },
    {
      label: 'alex',
      argv: [...alex, ...files],
      countArgv: [...alex, ...files],
      okExitCodes: [0, 1],
    },
  ];
}

/**
 * An untimed first pass that also warms the page cache: runs each tool once with its output
 * captured and counts what it reported, so the table shows every tool did real work.
 */
function countFindings(label: string, argv: string[]): number | undefined {
  if (argv.length === 0) return undefined;
  const [program, ...args] = argv;
  const r = spawnSync(program ?? node, args, {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  });
  if (r.status !== 0 && r.status !== 1) throw new Error(`${label} failed:\n${r.stderr}`);
  if (label === 'overclaim') {
    const report = JSON.parse(r.stdout) as { files: { findings: unknown[] }[] };
    return report.files.reduce((n, f) => n + f.findings.length, 0);
  }
  if (label === 'textlint+prh') {
    const report = JSON.parse(r.stdout) as { messages: unknown[] }[];
    return report.reduce((n, f) => n + f.messages.length, 0);
  }
  return (r.stderr.match(/^\s+\d+:\d+(?:-\d+:\d+)?\s+warning\s/gm) ?? []).length;
}

function summarise(
  samples: Map<string, Sample[]>,
  findings: Map<string, number>,
  reference: string,
): ToolResult[] {
  const base = samples.get(reference)?.map((s) => s.wallMs) ?? [];
  return [...samples].map(([label, list]) => {
    const rss = list.map((s) => s.peakRssMb).filter((v): v is number => v !== null);
    const cpu = list.map((s) => s.cpuMs).filter((v): v is number => v !== null);
    // measureAll runs every command once per round: sample k of each tool is from round k.
    const paired = list.flatMap((s, k) => (base[k] ? [s.wallMs / base[k]] : []));
    return {
      label,
      wallMs: stats(list.map((s) => s.wallMs)),
      peakRssMb: rss.length > 0 ? stats(rss) : null,
      cpuMs: cpu.length > 0 ? stats(cpu) : null,
      findings: findings.get(label),
      ...(paired.length > 0 ? { pairedWallRatio: stats(paired) } : {}),
    };
  });
}

function progress(label: string, s: Sample): void {
  const rss = s.peakRssMb === null ? '' : `, ${s.peakRssMb.toFixed(0)} MB`;
  const cpu = s.cpuMs === null ? '' : `, CPU ${(s.cpuMs / 1000).toFixed(2)} s`;
  process.stderr.write(`  ${label}: ${(s.wallMs / 1000).toFixed(2)} s${cpu}${rss}\n`);
}

async function throughput(corpus: Corpus, options: Options) {
  const sets = [
    { name: 'posts', title: `${corpus.posts.files.length} posts`, set: corpus.posts },
    // In quick mode the "big" document is tiny and runs the same code: skip it to stay fast.
    ...(options.quick ? [] : [{ name: 'big', title: 'the ~1 MB document', set: corpus.big }]),
  ];
  const out: Record<string, { files: number; bytes: number; words: number; tools: ToolResult[] }> =
    {};
  for (const { name, title, set } of sets) {
    process.stderr.write(`${title}: ${set.words} words, ${(set.bytes / 1e6).toFixed(2)} MB\n`);
    const commands = contenders(set.files);
    const findings = new Map<string, number>();
    // Quick runs skip the counting pass: it would double their time for numbers nobody reads.
    for (const c of options.quick ? [] : commands) {
      const n = countFindings(c.label, c.countArgv);
      if (n !== undefined) findings.set(c.label, n);
    }
    const samples = await measureAll(commands, options.runs, root, progress);
    const tools = summarise(samples, findings, 'floor');
    out[name] = { files: set.files.length, bytes: set.bytes, words: set.words, tools };
    const heading = `${title} (${set.words.toLocaleString('en')} words, ${(set.bytes / 1e6).toFixed(2)} MB), median of ${options.runs}`;
    console.log(`\n${toolTable(heading, tools, ['floor', 'textlint+prh', 'alex'])}`);
    if (tools.some((t) => t.label.endsWith('pool=1'))) console.log(POOL_NOTE);
  }
  return out;
}

/** A counting part's result without valgrind: skipped, with a note. Undefined when it is there. */
function withoutValgrind(part: string): { skipped: string } | undefined {
  if (hasValgrind()) return undefined;
  const reason = `valgrind is not installed: ${part.toLowerCase()} not counted`;
  console.log(`\n${part}: skipped (${reason})`);
  return { skipped: reason };
}

/**
 * Instruction counts on the posts (the floor, the CLI and textlint+prh) and on the 1 MB document
 * (the floor and the CLI). alex is left out, and textlint+prh on the 1 MB document: under
 * valgrind each of those runs takes 5–10 minutes (textlint+prh on the posts, ~3).
 */
async function instructions(corpus: Corpus, options: Options) {
  const skipped = withoutValgrind('Instructions');
  if (skipped) return skipped;
  const sets = [
    {
      name: 'posts',
      title: `${corpus.posts.files.length} posts`,
      set: corpus.posts,
      tools: ['floor', 'overclaim', 'textlint+prh'],
    },
    ...(options.quick
      ? []
      : [
          {
            name: 'big',
            title: 'the ~1 MB document',
            set: corpus.big,
            tools: ['floor', 'overclaim'],
          },
        ]),
  ];
  const out: Record<string, InstructionResult[]> = {};
  for (const { name, title, set, tools } of sets) {
    process.stderr.write(`instructions: ${title} under valgrind\n`);
    const commands = contenders(set.files).filter((c) => tools.includes(c.label));
    const counts = await countAll(commands, options.instructionRuns, root, (label, n) =>
      process.stderr.write(`  ${label}: ${(n / 1e9).toFixed(3)} G\n`),
    );
    out[name] = counts;
    const heading = `Instructions on ${title}, all threads (valgrind), median of ${options.instructionRuns}`;
    const references = tools.filter((t) => t !== 'overclaim');
    console.log(`\n${instructionTable(heading, counts, references)}`);
  }
  return out;
}

/** The engine's instructions stage by stage on the posts (bench/stages.ts). */
async function stages(corpus: Corpus, options: Options) {
  const skipped = withoutValgrind('Stages');
  if (skipped) return skipped;
  process.stderr.write(`stages: ${corpus.posts.files.length} posts under valgrind\n`);
  const counts = await countStages(corpus.posts.files, options.instructionRuns, root, (label, n) =>
    process.stderr.write(`  ${label}: ${(n / 1e9).toFixed(3)} G\n`),
  );
  const heading = `Instructions of the engine up to each stage on ${corpus.posts.files.length} posts (one collector thread, synchronous compiles), median of ${options.instructionRuns}`;
  console.log(`\n${stageTable(heading, counts)}`);
  return counts;
}

async function startup(corpus: Corpus, options: Options) {
  const runs = options.quick ? 1 : Math.max(15, options.runs * 3);
  const commands: Command[] = [
    { label: 'node -e 0', argv: [node, '-e', '0'], okExitCodes: [0] },
    { label: 'overclaim', argv: [node, cli, ...corpus.small.files], okExitCodes: [0, 1] },
  ];
  process.stderr.write(`start-up on ${corpus.small.files[0]} (${corpus.small.words} words)\n`);
  const tools = summarise(await measureAll(commands, runs, root), new Map(), 'node -e 0');
  console.log(
    `\n${toolTable(`CLI start-up on one small file, median of ${runs}`, tools, ['node -e 0'])}`,
  );
  return { file: corpus.small.files[0], words: corpus.small.words, tools };
}

/** The floor's in-process parse time of a file on a fresh process (cold, like a didOpen). */
function floorParseMs(file: string, runs: number): number {
  const times = Array.from({ length: runs }, () => {
    const out = execFileSync(node, [join(root, 'bench/floor.mjs'), '--time', file], {
      cwd: root,
      encoding: 'utf8',
    });
    return (JSON.parse(out) as { ms: number }[])[0]?.ms ?? NaN;
  });
  return stats(times).median;
}

async function latency(corpus: Corpus, options: Options) {
  if (!existsSync(server)) {
    const reason = 'dist/server.js is not built yet: editor latency not measured';
    console.log(`\nEditor latency: skipped (${reason})`);
    return { skipped: reason };
  }
  const results: LatencyResult[] = [];
  for (const [i, file] of [corpus.long.files[0], corpus.big.files[0]].entries()) {
    if (!file) continue;
    process.stderr.write(`latency: ${file}\n`);
    results.push(
      await measureLatency({
        serverPath: server,
        file,
        cwd: root,
        edits: options.edits,
        seed: i + 1,
      }),
    );
  }
  const bigFile = corpus.big.files[0] ?? '';
  const floorBigParseMs = floorParseMs(bigFile, options.quick ? 1 : 3);
  console.log(`\n${latencyTable(results)}`);
  const big = results[1];
  if (big)
    console.log(
      `First diagnostics on ${bigFile}: ${big.firstDiagnosticsMs.toFixed(0)} ms = ${(big.firstDiagnosticsMs / floorBigParseMs).toFixed(2)}× the floor's cold parse (${floorBigParseMs.toFixed(0)} ms)`,
    );
  return { documents: results, floorBigParseMs };
}

function gitDescription(): { commit: string; dirty: boolean } | null {
  try {
    const commit = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: root, encoding: 'utf8' });
    const status = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], {
      cwd: root,
      encoding: 'utf8',
    });
    return { commit: commit.trim(), dirty: status.trim().length > 0 };
  } catch {
    return null;
  }
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  if (!existsSync(cli)) throw new Error('dist/cli.cjs is missing: run `npm run build` first');
  const corpus = generateCorpus(options.corpusDir, options.quick ? quickSize : fullSize, root);
  const started = new Date();
  const unset = options.keepEnv ? [] : unsetStartUpEnv();
  console.log(
    `overclaim benchmark${options.quick ? ' (quick: numbers are meaningless)' : ''}: ${cpus().length} CPUs, Node ${process.version}, memory via ${memoryMethod}, load ${loadavg()[0]?.toFixed(2)}`,
  );
  if (unset.length > 0)
    console.log(
      `${unset.join(', ')} unset for every command: it adds work to each Node start that no contender needs (--keep-env keeps it)`,
    );
  const result = {
    date: started.toISOString(),
    quick: options.quick,
    runs: options.runs,
    command: `npm run bench -- ${process.argv.slice(2).join(' ')}`.trim(),
    machine: {
      platform: `${platform()} ${release()}`,
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? 'unknown',
      node: process.version,
      loadAverageAtStart: loadavg(),
      unsetEnvironment: unset,
    },
    git: gitDescription(),
    memoryMethod,
    corpus: {
      seed: 'bench/corpus/generate.ts SEED',
      sha256: corpus.sha256,
      posts: {
        files: corpus.posts.files.length,
        words: corpus.posts.words,
        bytes: corpus.posts.bytes,
      },
      long: { words: corpus.long.words, bytes: corpus.long.bytes },
      big: { words: corpus.big.words, bytes: corpus.big.bytes },
    },
    throughput: options.parts.has('throughput') ? await throughput(corpus, options) : undefined,
    startup: options.parts.has('startup') ? await startup(corpus, options) : undefined,
    latency: options.parts.has('latency') ? await latency(corpus, options) : undefined,
    stages: options.parts.has('stages') ? await stages(corpus, options) : undefined,
    instructions: options.parts.has('instructions')
      ? await instructions(corpus, options)
      : undefined,
    loadAverageAtEnd: loadavg(),
  };
  mkdirSync(options.outDir, { recursive: true });
  const file = join(
    options.outDir,
    options.quick ? 'quick.json' : `${started.toISOString().replace(/[:.]/g, '-')}.json`,
  );
  // Formatted as the repository's Prettier check expects, so a saved result can be committed.
  writeFileSync(file, await format(JSON.stringify(result), { parser: 'json' }));
  console.log(`\nSaved ${file}`);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
