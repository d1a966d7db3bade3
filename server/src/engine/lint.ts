/**
 * The engine's one entry point: lint(text, options) → findings. Pure: no file system, no
 * editor, no protocol. The CLI, the language server and the tests all call this.
 */
import { parse as parseYaml } from 'yaml';
import type { ClaimBase } from '../knowledge/compile.ts';
import { isoToday, staleNote } from '../knowledge/freshness.ts';
import {
  defaultConfig,
  frontMatterSchema,
  type Config,
  type FrontMatterConfig,
} from '../config/schema.ts';
import { requiresSuppressionReason, resolveRuleSettings } from '../config/resolve.ts';
import { analyseSentence, type Sentence } from './analyse.ts';
import { indexKnowledge, type KnowledgeIndex } from './knowledge-index.ts';
import { languageFromPath, type Language } from './parse.ts';
import { byCodeUnits } from './order.ts';
import { LineIndex } from './positions.ts';
import { extractProse, type ProseDocument, type Segment } from './prose.ts';
import type { RuleId } from './rule-ids.ts';
import { rules } from './rules/index.ts';
import type { Draft, Rule, RuleContext } from './rules/rule.ts';
import { splitSentences, type Span } from './sentences.ts';
import { directiveProblems, parseDirectives, Suppressions } from './suppressions.ts';
import { copyOfSuggestions, hasSafeSuggestion, suggestionsToHandOut } from './moved-draft.ts';
import type {
  EditorLintResult,
  Finding,
  LintResult,
  Notice,
  RuleSetting,
  Severity,
  Suggestion,
} from './types.ts';

export interface LintOptions {
  claimBase: ClaimBase;
  /** Used to pick the language when `language` is not given. */
  path?: string;
  language?: Language;
  config?: Config;
  /** YYYY-MM-DD; decides which claims are past their review date. Defaults to the current date. */
  today?: string;
  /**
   * false: every finding's `suggestions` is one shared, frozen empty list, and the rules that
   * make them lazily make none; for output that never shows them. Default true.
   */
  suggestions?: boolean;
}

const defaults = new Map(rules.map((r) => [r.id, r.defaultSeverity as RuleSetting]));

/** Meta findings about the suppression comments themselves carry this id. */
export const SUPPRESSION_RULE_ID = 'suppression';

export function lint(text: string, options: LintOptions): LintResult {
  const language = options.language ?? languageFromPath(options.path);
  return lintProse(text, extractProse(text, language), options, wholeDocument);
}

/** A draft and the rule that made it. */
export interface Found {
  ruleId: RuleId;
  draft: Draft;
}

/**
 * How sentences are made and checked: the incremental linter replaces both, to reuse what the
 * blocks an edit did not touch produced. Given the prose `extractProse` returns,
 * `wholeDocument` makes `lintProse` equal `lint`.
 */
export interface SentenceStages {
  /** The document's sentences, analysed in order. */
  analyse(kb: KnowledgeIndex, prose: ProseDocument): Sentence[];
  /** See `RuleContext.shift`. */
  shift?(s: Sentence): number;
  /** How many sentences are claims, when the stages know without a pass over them all. */
  claims?(): number;
  /** What `checkSentences` returns for all of `ctx.sentences`, main drafts then citations. */
  check(ctx: RuleContext, enabled: readonly Rule[]): Found[];
}

export const wholeDocument: SentenceStages = {
  analyse: analyseDocument,
  check(ctx, enabled) {
    const { main, citations } = checkSentences(ctx, ctx.sentences, enabled);
    return [...main, ...citations];
  },
};

/**
 * The sentence rules' drafts for some sentences of `ctx.sentences`: every rule but
 * missing-citation, sentence by sentence, then missing-citation on the sentences none of them
 * flagged (it speaks only where nothing louder already has).
 */
export function checkSentences(
  ctx: RuleContext,
  sentences: readonly Sentence[],
  enabled: readonly Rule[],
): { main: Found[]; citations: Found[] } {
  const main: Found[] = [];
  const citations: Found[] = [];
  const citation = enabled.find((r) => r.id === 'missing-citation');
  const others = enabled.filter((r) => r.scope === 'sentence' && r !== citation);
  const unflagged: Sentence[] = [];
  // Indexed loops: rules × sentences iterators were a tenth of this in a short CLI run, before
  // V8 optimizes it.
  for (let i = 0; i < sentences.length; i++) {
    const s = sentences[i] as Sentence;
    const before = main.length;
    for (let r = 0; r < others.length; r++) addDrafts(main, others[r] as Rule, ctx, s);
    if (main.length === before) unflagged.push(s);
  }
  if (citation)
    for (let i = 0; i < unflagged.length; i++)
      addDrafts(citations, citation, ctx, unflagged[i] as Sentence);
  return { main, citations };
}

function addDrafts(found: Found[], rule: Rule, ctx: RuleContext, s: Sentence): void {
  const drafts = rule.check(ctx, s);
  for (let d = 0; d < drafts.length; d++)
    found.push({ ruleId: rule.id, draft: drafts[d] as Draft });
}

/**
 * Everything after parsing: `lint` with the prose already extracted, and sentences made and
 * checked by `stages`.
 */
export function lintProse(
  text: string,
  prose: ProseDocument,
  options: LintOptions,
  stages: SentenceStages,
): LintResult {
  return lintDrafts(text, prose, options, stages, options.suggestions ?? true).result;
}

/**
 * `lintProse` for an editor: each finding's suggestions are made when asked for (a quick fix),
 * not on every keystroke, where moving them with their blocks was a fifth of the work.
 */
export function lintProseForEditor(
  text: string,
  prose: ProseDocument,
  options: LintOptions,
  stages: SentenceStages,
): EditorLintResult {
  const { result, drafts } = lintDrafts(text, prose, options, stages, false);
  return {
    ...result,
    suggestionsOf: (index) => {
      const draft = drafts[index];
      return draft ? suggestionsToHandOut(draft) : [];
    },
    hasSafeFix: () => drafts.some((d) => d !== undefined && hasSafeSuggestion(d)),
  };
}

/** A full lint's result in the editor's terms. */
export function forEditor(result: LintResult): EditorLintResult {
  return {
    ...result,
    suggestionsOf: (index) => copyOfSuggestions(result.findings[index]?.suggestions ?? []),
    hasSafeFix: () => result.findings.some((f) => f.suggestions.some((s) => s.safe)),
  };
}

/** Stands for the suggestions a lint has not made (see `lintProseForEditor`, `suggestions`). */
const NOT_MADE: Suggestion[] = Object.freeze([]) as unknown as Suggestion[];

/** The lint, with the draft behind each finding (undefined for suppression findings). */
function lintDrafts(
  text: string,
  prose: ProseDocument,
  options: LintOptions,
  stages: SentenceStages,
  withSuggestions: boolean,
): { result: LintResult; drafts: (Draft | undefined)[] } {
  const config = options.config ?? defaultConfig;
  const language = options.language ?? languageFromPath(options.path);
  const kb = indexKnowledge(options.claimBase);
  const notices: Notice[] = [...prose.notices];
  const frontMatter = readFrontMatter(prose, notices);
  const settings = resolveRuleSettings(defaults, config, frontMatter);
  const sentences = stages.analyse(kb, prose);
  const ctx: RuleContext = {
    kb,
    source: text,
    eol: text.includes('\r\n') ? '\r\n' : '\n',
    endsWithNewline: text.endsWith('\n'),
    language,
    citationStyle: config.citationStyle,
    footnoteLabels: prose.footnoteLabels,
    openEnd: prose.openEnd,
    sentences,
  };
  if (stages.shift) ctx.shift = (s) => stages.shift?.(s) ?? 0;

  const enabled = rules.filter((r) => settings.get(r.id) !== 'off');
  const found = stages.check(ctx, enabled);
  for (const rule of enabled) {
    if (rule.scope !== 'document' || !sentences[0]) continue;
    for (const draft of rule.check(ctx, sentences[0])) found.push({ ruleId: rule.id, draft });
  }

  const directives = parseDirectives(prose.comments);
  // Without directives nothing is suppressed: no need to index a 1 MB text's lines.
  const suppressions =
    directives.length > 0 ? new Suppressions(directives, new LineIndex(text), text.length) : null;
  const made: { finding: Finding; draft?: Draft }[] = [];
  let suppressed = 0;
  const today = options.today ?? isoToday();
  for (const { ruleId, draft } of found) {
    if (suppressions?.has(ruleId, draft.start)) {
      suppressed++;
      continue;
    }
    const finding: Finding = {
      ruleId,
      severity: settings.get(ruleId) as Severity,
      message: draft.message,
      start: draft.start,
      end: draft.end,
      text: text.slice(draft.start, draft.end),
      claimId: draft.claim?.id,
      sources: draft.claim?.sources ?? [],
      suggestions: withSuggestions ? draft.suggestions : NOT_MADE,
      ...withNote(draft.claim && staleNote(draft.claim, today)),
    };
    made.push({ finding, draft });
  }
  for (const p of directiveProblems(directives, requiresSuppressionReason(config, frontMatter))) {
    const finding: Finding = {
      ruleId: SUPPRESSION_RULE_ID,
      severity: 'warning',
      message: p.message,
      start: p.directive.start,
      end: p.directive.end,
      text: text.slice(p.directive.start, p.directive.end),
      sources: [],
      suggestions: [],
    };
    made.push({ finding });
  }
  made.sort(
    ({ finding: a }, { finding: b }) =>
      a.start - b.start || a.end - b.end || byCodeUnits(a.ruleId, b.ruleId),
  );
  const result: LintResult = {
    findings: made.map((m) => m.finding),
    suppressed,
    stats: {
      sentences: sentences.length,
      claims: stages.claims?.() ?? count(sentences, (s) => s.treatments.length > 0),
    },
    notices,
  };
  return { result, drafts: made.map((m) => m.draft) };
}

function count<T>(items: readonly T[], test: (item: T) => boolean): number {
  let n = 0;
  // Indexed: a `for…of` iterator per sentence, in a short CLI run, before V8 optimizes it.
  for (let i = 0; i < items.length; i++) if (test(items[i] as T)) n++;
  return n;
}

/** Only findings that have something to add carry `notes`, so the output stays unchanged otherwise. */
function withNote(note: string | undefined): { notes?: string[] } {
  return note ? { notes: [note] } : {};
}

export function analyseDocument(kb: KnowledgeIndex, prose: ProseDocument): Sentence[] {
  const sentences: Sentence[] = [];
  let recent: string[] = [];
  for (let g = 0; g < prose.segments.length; g++) {
    const segment = prose.segments[g] as Segment;
    const spans = splitSentences(segment.text);
    for (let k = 0; k < spans.length; k++) {
      const s = analyseSentence(kb, segment, spans[k] as Span, sentences.length, recent);
      // What this sentence names itself (not what it carries) is what later sentences refer to.
      if (s.mentions.treatments.length > 0) recent = s.treatments;
      sentences.push(s);
    }
  }
  return sentences;
}

function readFrontMatter(prose: ProseDocument, notices: Notice[]): FrontMatterConfig | undefined {
  // Front matter is the site generator's; only an `overclaim` key is ours. Without the word there
  // is nothing to read, and parsing YAML was ~6% of linting a blog.
  if (!prose.frontMatter?.value.includes('overclaim')) return undefined;
  const at = prose.frontMatter.start;
  let data: unknown;
  try {
    data = parseYaml(prose.frontMatter.value);
  } catch (error) {
    notices.push({
      message: `Front matter is not valid YAML: ${(error as Error).message}`,
      start: at,
      end: at,
    });
    return undefined;
  }
  const raw = (data as Record<string, unknown> | null)?.overclaim;
  if (raw === undefined) return undefined;
  const result = frontMatterSchema().safeParse(raw);
  if (result.success) return result.data;
  const issues = result.error.issues
    .map((i) => `overclaim.${i.path.join('.')}: ${i.message}`)
    .join('; ');
  notices.push({
    message: `Front matter “overclaim” settings ignored: ${issues}`,
    start: at,
    end: at,
  });
  return undefined;
}
