/** Plain-text tables for the benchmark results: medians, and ratios measured in the same run. */
import { basename } from 'node:path';
import type { InstructionResult } from './instructions.ts';
import type { StageResult } from './stages.ts';
import type { Stats } from './measure.ts';

export interface ToolResult {
  label: string;
  wallMs: Stats;
  peakRssMb: Stats | null;
  cpuMs: Stats | null;
  findings?: number;
  /**
   * Each round's wall time divided by the first reference's in the same round (they run back to
   * back): a machine that slows down halfway through a run moves both sides of each ratio.
   */
  pairedWallRatio?: Stats;
}

export interface LatencyResult {
  document: string;
  bytes: number;
  words: number;
  firstDiagnosticsMs: number;
  edits: number;
  /** Edits whose own version was published; the rest were answered by a later version. */
  editsAnsweredByOwnVersion: number;
  latencyMs: Stats & { p95: number };
  /** From the last edit to diagnostics for it: what a writer waits after pausing. */
  settleMs: number;
  serverRssMb: number | null;
  serverPeakRssMb: number | null;
  /** After the writer pauses (the server's idle collection, see idle-collection.ts). */
  serverIdleRssMb: number | null;
  syncKind: number;
}

function pad(text: string, width: number, right = false): string {
  return right ? text.padStart(width) : text.padEnd(width);
}

export function seconds(ms: number): string {
  return ms >= 10000 ? `${(ms / 1000).toFixed(1)} s` : `${(ms / 1000).toFixed(2)} s`;
}

function ratio(a: number | undefined, b: number | undefined): string {
  if (a === undefined || b === undefined || !Number.isFinite(a / b)) return '–';
  return `${(a / b).toFixed(2)}×`;
}

/** A ratio column's heading: `÷textlint` for textlint+prh. */
const short = (label: string): string => `÷${label.replace(/\+.*$/, '')}`;

/**
 * One table per file set: a row per tool with its median wall time and peak memory, each also
 * divided by the same figure of every reference tool (the floor and the peers), its paired wall
 * ratio to the first reference, and its median CPU time divided by the first reference's.
 */
export function toolTable(title: string, tools: ToolResult[], references: string[]): string {
  const refs = tools.filter((t) => references.includes(t.label));
  const counted = tools.some((t) => t.findings !== undefined);
  const header = [
    pad('', 16),
    pad('wall', 8, true),
    ...refs.map((r) => pad(short(r.label), 10, true)),
    pad('paired', 8, true),
    pad('CPU', 8, true),
    pad('÷' + (refs[0]?.label ?? ''), 8, true),
    pad('peak RSS', 9, true),
    ...refs.map((r) => pad(short(r.label), 10, true)),
    counted ? pad('findings', 9, true) : '',
  ]
    .join(' ')
    .trimEnd();
  const rows = tools.map((t) =>
    [
      pad(t.label, 16),
      pad(seconds(t.wallMs.median), 8, true),
      ...refs.map((r) => pad(ratio(t.wallMs.median, r.wallMs.median), 10, true)),
      pad(t.pairedWallRatio ? `${t.pairedWallRatio.median.toFixed(2)}×` : '–', 8, true),
      pad(t.cpuMs ? seconds(t.cpuMs.median) : '–', 8, true),
      pad(ratio(t.cpuMs?.median, refs[0]?.cpuMs?.median), 8, true),
      pad(t.peakRssMb ? `${t.peakRssMb.median.toFixed(0)} MB` : '–', 9, true),
      ...refs.map((r) => pad(ratio(t.peakRssMb?.median, r.peakRssMb?.median), 10, true)),
      counted ? pad(t.findings === undefined ? '' : String(t.findings), 9, true) : '',
    ]
      .join(' ')
      .trimEnd(),
  );
  const note = `paired: the median over the runs of each run's wall time ÷ ${refs[0]?.label ?? 'the first reference'}'s run next to it`;
  return [title, header, ...rows, note].join('\n');
}

/**
 * Instruction counts: each tool's median, its ratio to each reference's (as `toolTable`: a peer
 * at 3× means overclaim is a third of its work), and every run's count.
 */
export function instructionTable(
  title: string,
  results: InstructionResult[],
  references: string[],
): string {
  const median = (label: string) => results.find((r) => r.label === label)?.instructions.median;
  const giga = (n: number): string => `${(n / 1e9).toFixed(2)} G`;
  const header = [
    pad('', 16),
    pad('instructions', 13, true),
    ...references.map((ref) => pad(short(ref), 10, true)),
    'runs',
  ];
  const rows = results.map((r) =>
    [
      pad(r.label, 16),
      pad(giga(r.instructions.median), 13, true),
      ...references.map((ref) => pad(ratio(r.instructions.median, median(ref)), 10, true)),
      r.instructions.samples.map(giga).join(', '),
    ].join(' '),
  );
  return [title, header.join(' '), ...rows].join('\n');
}

export function latencyTable(results: LatencyResult[]): string {
  const header = [
    pad('document', 28),
    pad('first diag.', 12, true),
    pad('p50', 9, true),
    pad('p95', 9, true),
    pad('max', 9, true),
    pad('last edit', 10, true),
    pad('publishes', 10, true),
    pad('RSS after', 10, true),
    pad('RSS idle', 9, true),
  ].join(' ');
  const ms = (n: number): string => `${n.toFixed(1)} ms`;
  const mb = (n: number | null): string => (n === null ? '–' : `${n.toFixed(0)} MB`);
  const rows = results.map((r) =>
    [
      pad(`${basename(r.document)} (${r.words} words)`, 28),
      pad(ms(r.firstDiagnosticsMs), 12, true),
      pad(ms(r.latencyMs.median), 9, true),
      pad(ms(r.latencyMs.p95), 9, true),
      pad(ms(r.latencyMs.max), 9, true),
      pad(ms(r.settleMs), 10, true),
      pad(String(r.editsAnsweredByOwnVersion), 10, true),
      pad(mb(r.serverRssMb), 10, true),
      pad(mb(r.serverIdleRssMb), 9, true),
    ].join(' '),
  );
  return [
    `Editor latency: ${results[0]?.edits ?? 0} one-character edits per document, didChange → publishDiagnostics`,
    header,
    ...rows,
  ].join('\n');
}

/** Each stage's count and what it adds to the one before, as a share of the whole run. */
export function stageTable(title: string, results: StageResult[]): string {
  const total = results[results.length - 1]?.instructions.median ?? 0;
  const giga = (n: number): string => `${(n / 1e9).toFixed(3)} G`;
  const header = [
    pad('up to', 10),
    pad('instructions', 13, true),
    pad('own', 11, true),
    pad('of all', 7, true),
    'runs',
  ];
  const rows = results.map((r) =>
    [
      pad(r.label, 10),
      pad(giga(r.instructions.median), 13, true),
      pad(giga(r.own), 11, true),
      pad(total > 0 ? `${((100 * r.own) / total).toFixed(1)}%` : '', 7, true),
      r.instructions.samples.map(giga).join(', '),
    ].join(' '),
  );
  return [title, header.join(' '), ...rows].join('\n');
}
