/**
 * SARIF 2.1.0 for code-scanning tools (GitHub, Azure DevOps, IDE viewers): the rules with help
 * and links, one result per finding with its region, every suggestion as a fix, and the claim
 * and sources behind the finding in the result's properties.
 */
import { isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';
import { LineIndex } from '../engine/positions.ts';
import type { Finding, Severity } from '../engine/types.ts';
import { evidenceFor } from './evidence.ts';
import type { FileReport, RunReport } from './report.ts';
import { ruleCatalog } from './rule-catalog.ts';
import { nodeCrypto } from '../node/lazy-builtins.ts';

const SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const INFORMATION_URI = 'https://github.com/overclaim/overclaim';
const SRCROOT = 'SRCROOT';

const LEVELS: Record<Severity, 'error' | 'warning' | 'note'> = {
  error: 'error',
  warning: 'warning',
  info: 'note',
};

export function formatSarif(report: RunReport): string {
  const ruleIndex = new Map(ruleCatalog.map((r, i) => [r.id, i]));
  const artifacts = report.files.map((f) => ({
    location: artifactLocation(f.path),
    length: Buffer.byteLength(f.fix?.originalText ?? f.text, 'utf8'),
    sourceLanguage: sourceLanguage(f.path),
  }));
  const results = report.files.flatMap((f, fileIndex) => {
    const lines = new LineIndex(f.text);
    const seen = new Map<string, number>();
    return f.findings.map((x) => {
      const index = ruleIndex.get(x.ruleId);
      return {
        ruleId: x.ruleId,
        ...(index === undefined ? {} : { ruleIndex: index }),
        level: LEVELS[x.severity],
        kind: 'fail',
        message: { text: sentence(x.message) },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { ...artifactLocation(f.path), index: fileIndex },
              region: region(lines, x.start, x.end, x.text),
              ...contextRegion(f.text, lines, x.start, x.end),
            },
          },
        ],
        partialFingerprints: { 'overclaimFinding/v1': fingerprint(f, x, seen) },
        ...fixesFor(f, fileIndex, x),
        properties: propertiesFor(report, f, x),
      };
    });
  });
  const notifications = report.files.flatMap((f, fileIndex) => [
    ...(f.skipped
      ? [notification(`${f.path} was not linted: ${f.skipped}`, f.path, fileIndex)]
      : []),
    ...f.notices.map((n) => {
      const lines = new LineIndex(f.text);
      return notification(n.message, f.path, fileIndex, region(lines, n.start, n.end));
    }),
    ...(f.fix?.problem
      ? [notification(`${f.path} was not fixed: ${f.fix.problem}`, f.path, fileIndex)]
      : []),
  ]);
  const log = {
    $schema: SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'overclaim',
            version: report.version,
            semanticVersion: report.version,
            informationUri: INFORMATION_URI,
            rules: ruleCatalog.map((r) => ({
              id: r.id,
              name: ruleName(r.id),
              shortDescription: { text: sentence(r.summary) },
              fullDescription: {
                text: sentence(
                  `${r.summary} ${r.scope === 'document' ? 'Reported once per document, on the first sentence that triggers it.' : ''}`.trim(),
                ),
              },
              help: {
                text: `${sentence(r.summary)} What the rule flags, what it leaves alone and how to fix it: ${r.docsUrl}`,
                markdown: `${sentence(r.summary)}\n\n[What the rule flags, what it leaves alone and how to fix it](${r.docsUrl})`,
              },
              helpUri: r.docsUrl,
              defaultConfiguration: { level: LEVELS[r.defaultSeverity] },
              properties: { tags: ['overclaim', 'health-claims', r.scope] },
            })),
          },
        },
        invocations: [
          {
            executionSuccessful: true,
            ...(notifications.length > 0 ? { toolExecutionNotifications: notifications } : {}),
          },
        ],
        originalUriBaseIds: {
          [SRCROOT]: { uri: directoryUri(report.cwd) },
        },
        artifacts,
        results,
        columnKind: 'utf16CodeUnits',
        properties: {
          claimBase: report.claimBase,
          suppressed: report.files.reduce((n, f) => n + f.suppressed, 0),
          ...(report.changedSince ? { changedSince: report.changedSince } : {}),
        },
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

function region(lines: LineIndex, start: number, end: number, snippet?: string) {
  const from = lines.at(start);
  const to = lines.at(end);
  return {
    startLine: from.line,
    startColumn: from.column,
    endLine: to.line,
    endColumn: to.column,
    charOffset: start,
    charLength: end - start,
    ...(snippet === undefined ? {} : { snippet: { text: snippet } }),
  };
}

/** The whole lines around a finding, so viewers without the file can show it in context. */
function contextRegion(text: string, lines: LineIndex, start: number, end: number) {
  const first = lines.at(start).line;
  const last = lines.at(Math.max(start, end - 1)).line;
  const from = lines.lineStart(first);
  let to = last < lines.lineCount ? lines.lineStart(last + 1) : text.length;
  while (to > from && (text[to - 1] === '\n' || text[to - 1] === '\r')) to--;
  // SARIF wants a context strictly larger than the region; a whole-line finding has none.
  if (from >= start && to <= end) return {};
  return { contextRegion: region(lines, from, to, text.slice(from, to)) };
}

function fixesFor(f: FileReport, fileIndex: number, x: Finding) {
  if (x.suggestions.length === 0) return {};
  return {
    fixes: x.suggestions.map((s) => ({
      description: { text: sentence(s.title) },
      artifactChanges: [
        {
          artifactLocation: { ...artifactLocation(f.path), index: fileIndex },
          replacements: s.edits.map((e) => ({
            deletedRegion: { charOffset: e.start, charLength: e.end - e.start },
            insertedContent: { text: e.newText },
          })),
        },
      ],
      properties: { kind: s.kind, safe: s.safe },
    })),
  };
}

function propertiesFor(report: RunReport, f: FileReport, x: Finding) {
  const { claim, sources } = evidenceFor(report.claimBaseFor(f.path), x);
  return {
    ...(claim
      ? {
          claim: {
            id: claim.id,
            statement: claim.statement.trim(),
            evidence: claim.evidence,
            verified: claim.verified,
            caveats: claim.caveats,
            ...(claim.saferWording ? { saferWording: claim.saferWording } : {}),
          },
        }
      : {}),
    sources: sources.map((s) => ({
      id: s.source.id,
      type: s.source.type,
      reference: s.reference,
      ...(s.url ? { url: s.url } : {}),
    })),
    ...(x.notes && x.notes.length > 0 ? { notes: x.notes } : {}),
  };
}

function notification(text: string, path: string, fileIndex: number, at?: object) {
  return {
    level: 'warning',
    message: { text: sentence(text) },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { ...artifactLocation(path), index: fileIndex },
          ...(at ? { region: at } : {}),
        },
      },
    ],
  };
}

/** Relative paths resolve against SRCROOT (the working directory); absolute ones are file URIs. */
function artifactLocation(path: string): { uri: string; uriBaseId?: string } {
  if (isAbsolute(path)) return { uri: pathToFileURL(path).href };
  return { uri: path.split('/').map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
}

function directoryUri(dir: string): string {
  const href = pathToFileURL(dir).href;
  return href.endsWith('/') ? href : `${href}/`;
}

function sourceLanguage(path: string): string {
  const lower = path.toLowerCase();
  if (lower.endsWith('.mdx')) return 'mdx';
  if (lower.endsWith('.txt')) return 'plaintext';
  return 'markdown';
}

/** Stable across unrelated edits: the rule, the flagged words, and which occurrence they are. */
function fingerprint(f: FileReport, x: Finding, seen: Map<string, number>): string {
  const key = `${x.ruleId}\u0000${x.text.replace(/\s+/g, ' ').trim().toLowerCase()}`;
  const n = (seen.get(key) ?? 0) + 1;
  seen.set(key, n);
  return nodeCrypto()
    .createHash('sha256')
    .update(`${f.path}\u0000${key}\u0000${n}`)
    .digest('hex')
    .slice(0, 32);
}

function pascalCase(id: string): string {
  return id
    .split('-')
    .map((w) => (w[0]?.toUpperCase() ?? '') + w.slice(1))
    .join('');
}

/** SARIF asks for messages that are whole sentences. */
function sentence(text: string): string {
  const t = text.trim();
  return /[.!?]["”’)]?$/.test(t) ? t : `${t}.`;
}

/** SARIF wants a readable name that differs from the id. */
function ruleName(id: string): string {
  const name = pascalCase(id);
  return name.toLowerCase() === id.toLowerCase() ? `${name}Comment` : name;
}
