/**
 * The sentence rules' drafts of one Markdown block, for the incremental linter: computed in the
 * block's own coordinates (the rules see the block's text as `ctx.source`) and reused while
 * nothing they read changes. What they read beyond the block's sentences:
 *
 * - the treatments carried in from earlier sentences (`recent`: "it" refers back to them);
 * - whether the sentences just before and after the block carry an evidence caveat
 *   (low-dose-unqualified looks one sentence either way);
 * - document facts: knowledge, language, citation style, the enabled rules, the line ending,
 *   whether the text ends with a line break or would swallow appended text, and which sources
 *   already have a footnote definition.
 *
 * Text appended at the document's end (footnote definitions) is placed at the end of the
 * block's text, which no other draft offset reaches in a block that is not the last; `moveDraft`
 * moves it to wherever the document ends now. Sentence indexes do not matter: only neighbours
 * are looked up by them, and those are keyed above.
 */
import type { KnowledgeIndex } from './knowledge-index.ts';
import { detached } from './block-prose.ts';
import { checkSentences, type Found } from './lint.ts';
import { MovedDraft } from './moved-draft.ts';
import type { Rule, RuleContext } from './rules/rule.ts';

/** A block as it stands in the document in this lint. */
export interface PlacedBlock {
  /** Where the block's text starts in the document, and its length. */
  at: number;
  length: number;
  /** Its sentences: `ctx.sentences.slice(first, first + count)`. */
  first: number;
  count: number;
  /** The treatments carried into its first sentence. */
  recent: readonly string[];
  /** Bit 1: the sentence before it has an evidence caveat; bit 2: the one after. */
  neighbours: number;
  /** Kept from one lint to the next while the block's text and place in the order stay. */
  memo: { drafts?: BlockDrafts };
}

interface BlockDrafts {
  kb: KnowledgeIndex;
  facts: string;
  recent: readonly string[];
  /** Bit 1: the sentence before has an evidence caveat; bit 2: the one after. */
  neighbours: number;
  /** Main drafts, then missing-citation's, in the block's coordinates. */
  made: Found[];
  citations: number;
  /** Which drafts append text at the document's end. */
  appends: boolean[];
  /** The drafts moved into the document, for the `at` and document length they were moved to. */
  moved?: { at: number; end: number; found: Found[] };
}

/** What every block's drafts depend on beyond the block: one string, compared per block. */
function documentFacts(ctx: RuleContext, enabled: readonly Rule[]): string {
  // Only labels a fix could cite decide anything (whether to append a definition).
  const labels = [...ctx.footnoteLabels].filter((l) => ctx.kb.sources.has(l));
  return [
    ctx.language,
    ctx.citationStyle,
    ctx.openEnd,
    ctx.eol,
    ctx.endsWithNewline,
    enabled.map((r) => r.id).join(','),
    labels.join('\n'),
  ].join('\t');
}

/** All blocks' drafts in document coordinates, in the order `checkSentences` gives them. */
export function checkBlocks(
  ctx: RuleContext,
  enabled: readonly Rule[],
  blocks: readonly PlacedBlock[],
): Found[] {
  const facts = documentFacts(ctx, enabled);
  const end = ctx.source.length;
  const main: Found[] = [];
  const citations: Found[] = [];
  for (const block of blocks) {
    const neighbours = block.neighbours;
    let drafts = block.memo.drafts;
    if (
      drafts?.kb !== ctx.kb ||
      drafts.facts !== facts ||
      drafts.neighbours !== neighbours ||
      !sameIds(drafts.recent, block.recent)
    ) {
      drafts = check(ctx, enabled, block, facts, neighbours);
      block.memo.drafts = drafts;
    }
    const found = moved(drafts, block, end);
    const split = found.length - drafts.citations;
    for (let i = 0; i < found.length; i++) (i < split ? main : citations).push(found[i] as Found);
  }
  for (const f of citations) main.push(f);
  return main;
}

function check(
  ctx: RuleContext,
  enabled: readonly Rule[],
  block: PlacedBlock,
  facts: string,
  neighbours: number,
): BlockDrafts {
  const own: RuleContext = {
    ...ctx,
    source:
      block.length === ctx.source.length
        ? ctx.source
        : detached(ctx.source.slice(block.at, block.at + block.length)),
    shift: undefined,
  };
  const sentences = ctx.sentences.slice(block.first, block.first + block.count);
  const { main, citations } = checkSentences(own, sentences, enabled);
  const made = [...main, ...citations];
  const appends = made.map(({ draft }) =>
    draft.suggestions.some((s) => s.edits.some((e) => e.end >= block.length)),
  );
  return {
    kb: ctx.kb,
    facts,
    recent: block.recent,
    neighbours,
    made,
    citations: citations.length,
    appends,
  };
}

/** The drafts moved to where the block stands; only those that append follow the document's end. */
function moved(drafts: BlockDrafts, block: PlacedBlock, end: number): Found[] {
  const last = drafts.moved;
  if (last?.at === block.at && last.end === end) return last.found;
  const found = drafts.made.map((f, i) =>
    last?.at === block.at && !drafts.appends[i]
      ? (last.found[i] as Found)
      : { ruleId: f.ruleId, draft: moveDraft(f.draft, block.at, block.length, end) },
  );
  drafts.moved = { at: block.at, end, found };
  return found;
}

export function sameIds(a: readonly string[], b: readonly string[]): boolean {
  return a === b || (a.length === b.length && a.every((x, i) => x === b[i]));
}

/** A draft made in a block of `length` characters, moved to `at` in a document ending at `end`. */
function moveDraft(draft: Found['draft'], at: number, length: number, end: number): Found['draft'] {
  if (at === 0 && length === end) return draft;
  return new MovedDraft(draft, at, length, end);
}
