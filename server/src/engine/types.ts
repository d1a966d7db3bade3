/** Plain data shared by the engine and every caller (CLI, language server, tests). */

export const severities = ['error', 'warning', 'info'] as const;
export type Severity = (typeof severities)[number];
export type RuleSetting = Severity | 'off';

/** A text replacement in UTF-16 code units of the document as linted. */
export interface Edit {
  start: number;
  end: number;
  newText: string;
}

export type SuggestionKind = 'rewording' | 'hedge' | 'caveat' | 'citation' | 'suppression';

export interface Suggestion {
  kind: SuggestionKind;
  /** Says exactly what the edit changes, e.g. "Replace “cures” with “can ease symptoms of”". */
  title: string;
  /** Safe edits keep the writer's meaning and may be applied without review (`--fix`). */
  safe: boolean;
  edits: Edit[];
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  /** Short, one sentence: what is overstated. The evidence lives in the claim card. */
  message: string;
  start: number;
  end: number;
  /** The source text of the flagged span. */
  text: string;
  claimId?: string;
  sources: string[];
  suggestions: Suggestion[];
  /** Extra context for the reader, e.g. that the claim relied on is past its review date. */
  notes?: string[];
}

export interface LintResult {
  findings: Finding[];
  /** Findings silenced by inline comments. */
  suppressed: number;
  /** Sentences analysed, and how many of them mention a treatment. */
  stats: { sentences: number; claims: number };
  /** Problems with the document itself that are not overclaims (malformed MDX, bad suppressions). */
  notices: Notice[];
}

/** A finding as an editor keeps it on every keystroke: without its suggestions. */
export type FindingSummary = Omit<Finding, 'suggestions'>;

/**
 * What the editor's incremental lint returns: a `LintResult` whose suggestions are made when
 * asked for. `suggestionsOf(i)` is what a full lint gives as `findings[i].suggestions`.
 */
export interface EditorLintResult extends Omit<LintResult, 'findings'> {
  findings: FindingSummary[];
  suggestionsOf: (index: number) => Suggestion[];
  /** Whether any finding offers a safe fix, without making the suggestions. */
  hasSafeFix: () => boolean;
}

export interface Notice {
  message: string;
  start: number;
  end: number;
}
