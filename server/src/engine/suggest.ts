/**
 * Builds ready-to-apply edits for a finding: a milder wording, a caveat, a citation, the
 * claim base's safer rewording, or a suppression comment. The editor's quick fixes and the
 * CLI's --fix both apply these edits as they are.
 */
import type { Claim, Source } from '../knowledge/schema.ts';
import type { Sentence } from './analyse.ts';
import { LineIndex } from './positions.ts';
import type { RuleContext } from './rules/rule.ts';
import type { Edit, Suggestion } from './types.ts';

/**
 * The source's line starts, computed once per context: scanning a 1 MB line backwards for every
 * finding made lint time quadratic.
 */
const layouts = new WeakMap<RuleContext, LineIndex>();

function lineIndex(ctx: RuleContext): LineIndex {
  let found = layouts.get(ctx);
  if (!found) {
    found = new LineIndex(ctx.source);
    layouts.set(ctx, found);
  }
  return found;
}

/** `&name;`, `&#123;`: the end of a reference, never past its line (nor so past a block's text). */
const REFERENCE_END = /&[^;\r\n]{0,31};/y;

/** Line breaks and a blank line before text appended at the end of the document. */
export function appended(ctx: RuleContext, text: string): string {
  return `${ctx.endsWithNewline ? ctx.eol : ctx.eol + ctx.eol}${text}${ctx.eol}`;
}

export interface Range {
  start: number;
  end: number;
}

/** Source range of a span of a segment's text. The end keeps a whole entity or escape. */
export function toSource(ctx: RuleContext, s: Sentence, start: number, end: number): Range {
  const offsets = s.segment.offsets;
  const shift = ctx.shift?.(s) ?? 0;
  const from = (offsets.at(start) ?? 0) + shift;
  const last = offsets.at(Math.max(start, end - 1));
  const lastChar = last === undefined ? from : last + shift;
  let to = lastChar + 1;
  if (ctx.source[lastChar] === '&') {
    // Only a reference's own `;` counts; searching further costs time on every finding.
    REFERENCE_END.lastIndex = lastChar;
    if (REFERENCE_END.test(ctx.source)) to = REFERENCE_END.lastIndex;
  }
  return { start: from, end: Math.max(from, to) };
}

export function sentenceRange(ctx: RuleContext, s: Sentence): Range {
  return toSource(ctx, s, s.start, s.end);
}

export function hedgeSuggestion(
  original: string,
  replacement: string,
  at: Range,
  safe: boolean,
): Suggestion {
  const newText = /^[A-Z]/.test(original)
    ? replacement[0]?.toUpperCase() + replacement.slice(1)
    : replacement;
  return {
    kind: 'hedge',
    title: `Replace “${original}” with “${newText}”`,
    safe,
    edits: [{ start: at.start, end: at.end, newText }],
  };
}

/** Inserts a caveat sentence right after the flagged sentence. */
export function caveatSuggestion(
  ctx: RuleContext,
  s: Sentence,
  caveat: string,
  safe: boolean,
): Suggestion {
  const end = sentenceRange(ctx, s).end;
  const text = /[.!?]$/.test(caveat) ? caveat : `${caveat}.`;
  return {
    kind: 'caveat',
    title: `Add caveat: “${text}”`,
    safe,
    edits: [{ start: end, end, newText: ` ${text}` }],
  };
}

export function rewordingSuggestion(
  ctx: RuleContext,
  s: Sentence,
  claim: Claim,
): Suggestion | undefined {
  if (!claim.saferWording || s.heading) return undefined;
  const range = sentenceRange(ctx, s);
  return {
    kind: 'rewording',
    title: `Rewrite the sentence: “${claim.saferWording}”`,
    safe: false,
    edits: [{ ...range, newText: claim.saferWording }],
  };
}

const PREFERRED_TYPES = [
  'label',
  'regulator',
  'meta-analysis',
  'rct',
  'review',
  'observational',
  'preclinical',
];

/** The best source to cite for a claim: verified, with an identifier, strongest type first. */
export function citableSource(ctx: RuleContext, claim: Claim): Source | undefined {
  if (!claim.verified) return undefined;
  const candidates = claim.sources
    .map((id) => ctx.kb.sources.get(id))
    .filter(
      (s): s is Source =>
        s !== undefined &&
        s.verified &&
        sourceLink(s) !== undefined &&
        PREFERRED_TYPES.includes(s.type),
    );
  candidates.sort((a, b) => PREFERRED_TYPES.indexOf(a.type) - PREFERRED_TYPES.indexOf(b.type));
  return candidates[0];
}

export function sourceLink(s: Source): string | undefined {
  if (s.doi) return `https://doi.org/${s.doi}`;
  if (s.pmid) return `https://pubmed.ncbi.nlm.nih.gov/${s.pmid}/`;
  return s.url;
}

export function formatReference(s: Source): string {
  const locator = s.locator ? `;${s.locator}` : '';
  const link = sourceLink(s);
  return `${s.authors.replace(/\.$/, '')}. ${s.title}. ${s.venue} ${s.year}${locator}.${link ? ` ${link}` : ''}`;
}

const STOPS = new Set(['.', '!', '?', '…']);
const CLOSERS = new Set(['”', '’', '"', "'", ')', ']', '*', '_']);

/**
 * Where a link citation goes in a sentence: before its final stops (`.`, `.…`, `?!`) and any
 * closing quotes, brackets or emphasis after them, so the link stays in the sentence. At the end
 * when there is no stop. A backward scan: a regex anchored at the end retries every run of dots.
 */
export function beforeFinalStop(text: string): number {
  let i = text.length;
  while (i > 0 && CLOSERS.has(text[i - 1] as string)) i--;
  const closers = i;
  while (i > 0 && STOPS.has(text[i - 1] as string)) i--;
  return i < closers ? i : text.length;
}

/** A footnote reference after the sentence plus its definition at the end, or an inline link. */
export function citationSuggestion(
  ctx: RuleContext,
  s: Sentence,
  source: Source,
  safe: boolean,
): Suggestion | undefined {
  const link = sourceLink(source);
  if (!link || ctx.language === 'text') return undefined;
  const range = sentenceRange(ctx, s);
  const short = `${source.authors.split(/[,;]/)[0]?.trim() ?? source.venue} ${source.year}`;
  if (ctx.citationStyle === 'link') {
    const at = range.start + beforeFinalStop(ctx.source.slice(range.start, range.end));
    return {
      kind: 'citation',
      title: `Cite ${short} as a link`,
      safe,
      edits: [{ start: at, end: at, newText: ` ([${short}](${link}))` }],
    };
  }
  const edits: Edit[] = [{ start: range.end, end: range.end, newText: `[^${source.id}]` }];
  const defined = ctx.footnoteLabels.has(source.id);
  if (!defined) {
    // In a block's own text (see RuleContext.source), its end stands for the document's.
    const end = ctx.source.length;
    const definition = appended(ctx, `[^${source.id}]: ${formatReference(source)}`);
    // At the very end of the file both go in one edit: two insertions at one offset have no
    // defined order, and fixers rightly refuse such a pair.
    const ref = edits[0];
    if (ref && ref.start === end) ref.newText += definition;
    else edits.push({ start: end, end, newText: definition });
  }
  return {
    kind: 'citation',
    title: `Cite ${short} (footnote [^${source.id}])`,
    // A definition appended inside an unclosed code fence would be code: offer it, not as safe.
    safe: safe && (defined || !ctx.openEnd),
    edits,
  };
}

/** A comment on the line before that silences this rule for the next line. */
export function suppressionSuggestion(
  ctx: RuleContext,
  s: Sentence,
  ruleId: string,
): Suggestion | undefined {
  if (ctx.language === 'text' || s.segment.kind === 'cell') return undefined;
  const start = sentenceRange(ctx, s).start;
  const lines = lineIndex(ctx);
  const lineStart = lines.lineStart(lines.at(start).line);
  const body = `overclaim-disable-next-line ${ruleId} -- explain why this is acceptable`;
  const comment = ctx.language === 'mdx' ? `{/* ${body} */}` : `<!-- ${body} -->`;
  return {
    kind: 'suppression',
    title: `Suppress ${ruleId} for this line (with a reason)`,
    safe: false,
    edits: [{ start: lineStart, end: lineStart, newText: comment + ctx.eol }],
  };
}

/** The usual set for a finding backed by a claim: caveat, citation, rewording, suppression. */
export function standardSuggestions(
  ctx: RuleContext,
  s: Sentence,
  ruleId: string,
  claim: Claim | undefined,
): Suggestion[] {
  const out: (Suggestion | undefined)[] = [];
  if (claim) {
    const caveat = claim.caveats[0];
    if (caveat) out.push(caveatSuggestion(ctx, s, caveat, false));
    const source = citableSource(ctx, claim);
    if (source && !s.cited) out.push(citationSuggestion(ctx, s, source, false));
    out.push(rewordingSuggestion(ctx, s, claim));
  }
  out.push(suppressionSuggestion(ctx, s, ruleId));
  return out.filter((x): x is Suggestion => x !== undefined);
}
