/** What a rule is: metadata as data, logic as one function over a sentence or the document. */
import type { Claim } from '../../knowledge/schema.ts';
import type { Sentence } from '../analyse.ts';
import type { KnowledgeIndex } from '../knowledge-index.ts';
import type { Language } from '../parse.ts';
import type { RuleId } from '../rule-ids.ts';
import type { Severity, Suggestion } from '../types.ts';

export interface RuleContext {
  kb: KnowledgeIndex;
  /**
   * The whole document as linted, or, when the incremental linter checks one Markdown block, the
   * block's own text: offsets are then in the block, and text appended at `source.length` is
   * moved to the document's end (see `moveDraft`).
   */
  source: string;
  /**
   * Where a sentence's segment offsets start in `source`, when they do not start at 0: the
   * incremental linter keeps unchanged blocks' segments in their own coordinates.
   */
  shift?(s: Sentence): number;
  /** The document's line ending ("\r\n" when it has any), for the lines fixes add. */
  eol: '\n' | '\r\n';
  /** The document ends with a line break: appended text needs one fewer. */
  endsWithNewline: boolean;
  language: Language;
  citationStyle: 'footnote' | 'link';
  footnoteLabels: ReadonlySet<string>;
  /** Text appended at the end of the document would land in code or a comment, not in prose. */
  openEnd: boolean;
  sentences: Sentence[];
}

/** A finding before severity and suppression are applied; offsets are in the source. */
export interface Draft {
  start: number;
  end: number;
  message: string;
  claim?: Claim;
  readonly suggestions: Suggestion[];
}

/**
 * A draft whose suggestions are made when first read: the CLI's default output never shows
 * them, and most findings come from the rules that use this. A class, so the getter lives on
 * the prototype and every draft has one shape. The maker is dropped once used: it holds the
 * lint's context, which a draft cached by the editor must not keep alive.
 */
export class LazyDraft implements Draft {
  readonly start: number;
  readonly end: number;
  private made: Suggestion[] | undefined;
  private make: (() => Suggestion[]) | undefined;

  constructor(
    range: { start: number; end: number },
    readonly message: string,
    readonly claim: Claim | undefined,
    make: () => Suggestion[],
  ) {
    this.start = range.start;
    this.end = range.end;
    this.make = make;
  }

  get suggestions(): Suggestion[] {
    if (this.made === undefined) {
      this.made = this.make?.() ?? [];
      this.make = undefined;
    }
    return this.made;
  }
}

export interface RuleMeta {
  id: RuleId;
  defaultSeverity: Severity;
  /** One line for docs and SARIF. */
  summary: string;
}

/**
 * What a rule returns for the many sentences it has nothing to say about: one frozen list, not a
 * new one per sentence and rule. Callers only read drafts.
 */
export const NO_DRAFTS: Draft[] = Object.freeze([]) as unknown as Draft[];

export interface Rule extends RuleMeta {
  /** Sentence rules return drafts for one sentence; document rules see them all. */
  scope: 'sentence' | 'document';
  check(ctx: RuleContext, sentence: Sentence): Draft[];
}

export const RULE_DOCS_BASE = 'https://github.com/overclaim/overclaim/blob/main/docs/rules/';

export function ruleDocsUrl(id: string): string {
  return `${RULE_DOCS_BASE}${id}.md`;
}
