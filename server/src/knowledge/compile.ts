/**
 * Validates claim-base files and assembles them into one ClaimBase. Pure: callers read the
 * files and pass their parsed contents. Every problem names the file and the entry, so a
 * curator (or a clinic adding its own claims) can find it.
 */
import type * as z from 'zod';
import {
  knowledgeSchemas,
  lexiconCategories,
  type Claim,
  type LexiconCategory,
  type Source,
  type Term,
  type Trigger,
} from './schema.ts';
import { compilePhrase } from '../engine/phrase.ts';
import { ruleIds } from '../engine/rule-ids.ts';

export interface ClaimBase {
  version: string;
  sources: Source[];
  claims: Claim[];
  lexicon: Record<LexiconCategory, Term[]>;
  triggers: Record<string, Trigger[]>;
}

export interface RawFile {
  file: string;
  data: unknown;
}

export interface KnowledgeProblem {
  file: string;
  /** The id (or index) of the entry at fault, when there is one. */
  entry?: string;
  field?: string;
  /** 1-based line in the file, when the loader could find the entry or field. */
  line?: number;
  message: string;
}

export class KnowledgeError extends Error {
  constructor(readonly problems: KnowledgeProblem[]) {
    super(problems.map(formatProblem).join('\n'));
    this.name = 'KnowledgeError';
  }
}

export function formatProblem(p: KnowledgeProblem): string {
  const where = [p.file, p.entry && `entry "${p.entry}"`, p.field && `field "${p.field}"`]
    .filter(Boolean)
    .join(', ');
  return `${where}: ${p.message}${p.line ? ` (line ${p.line})` : ''}`;
}

export interface KnowledgeFiles {
  sources: RawFile[];
  claims: RawFile[];
  lexicon: RawFile[];
  triggers: RawFile[];
}

/** Builds the shipped base; throws KnowledgeError listing every problem found. */
export function buildClaimBase(files: KnowledgeFiles, version: string): ClaimBase {
  const problems: KnowledgeProblem[] = [];
  const origin = new Map<string, string>();
  const base: ClaimBase = {
    version,
    sources: [],
    claims: [],
    lexicon: Object.fromEntries(lexiconCategories.map((c) => [c, []])) as unknown as ClaimBase['lexicon'],
    triggers: {},
  };
  for (const f of files.sources) {
    const data = parseWith(knowledgeSchemas().sourceFileSchema, f, problems);
    for (const s of data?.sources ?? []) addUnique(base.sources, s, f.file, 'source', origin, problems);
  }
  for (const f of files.claims) {
    const data = parseWith(knowledgeSchemas().claimFileSchema, f, problems);
    for (const c of data?.claims ?? []) addUnique(base.claims, c, f.file, 'claim', origin, problems);
  }
  for (const f of files.lexicon) {
    const data = parseWith(knowledgeSchemas().lexiconFileSchema, f, problems);
    if (!data) continue;
    const terms = base.lexicon[data.category];
    for (const t of data.terms) {
      if (terms.some((x) => x.id === t.id)) problems.push({ file: f.file, entry: t.id, message: `duplicate ${data.category} id` });
      terms.push(t);
      origin.set(`${data.category}:${t.id}`, f.file);
      checkPhrases(t.phrases, f.file, t.id, 'phrases', problems);
    }
  }
  for (const f of files.triggers) {
    const data = parseWith(knowledgeSchemas().triggerFileSchema, f, problems);
    if (!data) continue;
    if (!(ruleIds as readonly string[]).includes(data.rule)) {
      problems.push({ file: f.file, field: 'rule', message: `unknown rule id "${data.rule}"` });
    }
    base.triggers[data.rule] = [...(base.triggers[data.rule] ?? []), ...data.triggers];
    data.triggers.forEach((t) => {
      const entry = t.phrases[0] ?? '';
      origin.set(`trigger:${entry}`, f.file);
      checkPhrases([...t.phrases, ...t.except, ...t.requires.flat()], f.file, entry, 'phrases', problems);
    });
  }
  problems.push(...crossCheck(base, (key) => origin.get(key) ?? '(unknown file)'));
  if (problems.length > 0) throw new KnowledgeError(problems);
  return base;
}

/**
 * Adds a user's claim-base file (a clinic's approved claims and references) to a base.
 * Entries with an existing id replace the shipped ones; the result is checked as a whole.
 */
export function extendClaimBase(base: ClaimBase, files: RawFile[]): ClaimBase {
  const problems: KnowledgeProblem[] = [];
  const sources = new Map(base.sources.map((s) => [s.id, s]));
  const claims = new Map(base.claims.map((c) => [c.id, c]));
  const origin = new Map<string, string>();
  for (const f of files) {
    const data = parseWith(knowledgeSchemas().userClaimBaseSchema, f, problems);
    if (!data) continue;
    const seen = new Set<string>();
    for (const s of data.sources) {
      if (seen.has(`source:${s.id}`)) problems.push({ file: f.file, entry: s.id, message: 'duplicate source id in this file' });
      seen.add(`source:${s.id}`);
      sources.set(s.id, s);
      origin.set(`source:${s.id}`, f.file);
    }
    for (const c of data.claims) {
      if (seen.has(`claim:${c.id}`)) problems.push({ file: f.file, entry: c.id, message: 'duplicate claim id in this file' });
      seen.add(`claim:${c.id}`);
      claims.set(c.id, c);
      origin.set(`claim:${c.id}`, f.file);
      for (const group of [...(c.recognise?.allOf ?? []), ...(c.figure?.about ?? [])]) checkPhrases(group, f.file, c.id, 'recognise', problems);
    }
  }
  const merged: ClaimBase = {
    ...base,
    version: `${base.version}+${files.length}`,
    sources: [...sources.values()],
    claims: [...claims.values()],
  };
  problems.push(...crossCheck(merged, (key) => origin.get(key) ?? 'built-in claim base'));
  if (problems.length > 0) throw new KnowledgeError(problems);
  return merged;
}

/**
 * Re-checks an assembled base (shipped, extended or hand-made) against the schemas and the
 * cross-entry rules, for `overclaim kb check`. Problems name `label` as the file.
 */
export function validateClaimBase(base: ClaimBase, label: string): KnowledgeProblem[] {
  const problems: KnowledgeProblem[] = [];
  parseWith(knowledgeSchemas().sourceFileSchema, { file: label, data: { sources: base.sources } }, problems);
  parseWith(knowledgeSchemas().claimFileSchema, { file: label, data: { claims: base.claims } }, problems);
  for (const kind of ['source', 'claim'] as const) {
    const seen = new Set<string>();
    for (const { id } of kind === 'source' ? base.sources : base.claims) {
      if (seen.has(id)) problems.push({ file: label, entry: id, message: `duplicate ${kind} id` });
      seen.add(id);
    }
  }
  problems.push(...crossCheck(base, () => label));
  return problems;
}

function parseWith<S extends z.ZodType>(schema: S, f: RawFile, problems: KnowledgeProblem[]): z.infer<S> | undefined {
  const result = schema.safeParse(f.data);
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    const path = issue.path.map(String);
    problems.push({
      file: f.file,
      entry: entryName(f.data, issue.path),
      field: path.slice(2).join('.') || path.join('.') || undefined,
      message: issue.message,
    });
  }
  return undefined;
}

/** For a path like ['claims', 3, 'sources'], the id of claims[3] (or "#4" when it has none). */
function entryName(data: unknown, path: PropertyKey[]): string | undefined {
  if (path.length < 2 || typeof path[1] !== 'number') return undefined;
  const list = (data as Record<string, unknown> | null)?.[String(path[0])];
  const item = Array.isArray(list) ? (list[path[1]] as { id?: unknown; phrases?: unknown[] } | undefined) : undefined;
  const name = item?.id ?? item?.phrases?.[0];
  return typeof name === 'string' ? name : `#${path[1] + 1}`;
}

function addUnique<T extends { id: string }>(
  list: T[],
  item: T,
  file: string,
  kind: string,
  origin: Map<string, string>,
  problems: KnowledgeProblem[],
): void {
  const key = `${kind}:${item.id}`;
  if (origin.has(key)) {
    problems.push({ file, entry: item.id, message: `duplicate ${kind} id (also in ${origin.get(key)})` });
    return;
  }
  origin.set(key, file);
  list.push(item);
}

function checkPhrases(phrases: string[], file: string, entry: string, field: string, problems: KnowledgeProblem[]): void {
  for (const p of phrases) {
    try {
      compilePhrase(p, null);
    } catch (error) {
      problems.push({ file, entry, field, message: `phrase "${p}": ${(error as Error).message}` });
    }
  }
}

const WEAK_SOURCE_TYPES = new Set(['marketing', 'news']);

/** Checks that span entries: references resolve and evidence levels are honest. */
function crossCheck(base: ClaimBase, fileOf: (key: string) => string): KnowledgeProblem[] {
  const problems: KnowledgeProblem[] = [];
  const sources = new Map(base.sources.map((s) => [s.id, s]));
  const claimIds = new Set(base.claims.map((c) => c.id));
  const agents = new Set(base.lexicon.treatments.map((t) => t.id));
  const routes = new Set(base.lexicon.routes.map((t) => t.id));
  const conditions = new Set(base.lexicon.conditions.map((t) => t.id));
  for (const c of base.claims) {
    const file = fileOf(`claim:${c.id}`);
    const add = (field: string, message: string) => problems.push({ file, entry: c.id, field, message });
    for (const s of c.sources) if (!sources.has(s)) add('sources', `refers to missing source "${s}"`);
    const established = c.evidence === 'regulatory' || c.evidence === 'rct';
    if (c.evidence === 'regulatory' && !c.scope.asOf) add('scope.asOf', 'a regulatory claim needs an as-of date');
    if (!c.verified && established) add('evidence', 'an unverified claim cannot be rated regulatory or rct');
    const cited = c.sources.flatMap((s) => sources.get(s) ?? []);
    if (established && cited.length > 0 && cited.every((s) => WEAK_SOURCE_TYPES.has(s.type))) {
      add('evidence', 'a claim resting only on marketing or news sources cannot be rated regulatory or rct');
    } else if (established && cited.length > 0 && cited.every((s) => !s.verified)) {
      add('evidence', 'a claim resting only on unverified sources cannot be rated regulatory or rct');
    }
    if (base.lexicon.treatments.length > 0) {
      for (const a of [...(c.scope.agents ?? []), ...(c.recognise?.agents ?? []), ...(c.approval ? [c.approval.agent] : [])]) {
        if (!agents.has(a)) add('agents', `unknown treatment id "${a}"`);
      }
      for (const r of c.scope.routes ?? []) if (!routes.has(r)) add('scope.routes', `unknown route id "${r}"`);
      for (const k of c.scope.conditions ?? []) if (!conditions.has(k)) add('scope.conditions', `unknown condition id "${k}"`);
      for (const k of c.approval?.conditions ?? []) if (!conditions.has(k)) add('approval.conditions', `unknown condition id "${k}"`);
    }
    if (c.figure && c.figure.min > c.figure.max) add('figure', 'min is larger than max');
  }
  for (const s of base.sources) {
    for (const st of s.seed?.statements ?? []) {
      if (!claimIds.has(st.claim)) {
        problems.push({ file: fileOf(`source:${s.id}`), entry: s.id, field: 'seed.statements', message: `statement "${st.quote.slice(0, 40)}…" refers to missing claim "${st.claim}"` });
      }
    }
  }
  for (const [rule, triggers] of Object.entries(base.triggers)) {
    for (const t of triggers) {
      if (!claimIds.has(t.claim)) {
        problems.push({ file: fileOf(`trigger:${t.phrases[0] ?? ''}`), entry: t.phrases[0], field: 'claim', message: `refers to missing claim "${t.claim}" (rule ${rule})` });
      }
    }
  }
  return problems;
}
