/**
 * The sentences of the incremental linter's blocks, and the stages that make and check them
 * (see `SentenceStages`). Each place a block's text takes in the document (an `Occurrence`:
 * identical blocks each have their own) keeps its sentences, finished for the index and the
 * treatments carried in that they start with, and its sentence rules' drafts
 * (block-drafts.ts). Segments stay in the block's own coordinates; `shift` places them.
 */
import { analyseLocally, withEarlierTreatments, type Sentence } from './analyse.ts';
import { checkBlocks, sameIds, type PlacedBlock } from './block-drafts.ts';
import type { BlockProse } from './block-prose.ts';
import type { KnowledgeIndex } from './knowledge-index.ts';
import type { SentenceStages } from './lint.ts';
import type { CommentNode } from './prose.ts';
import { splitSentences } from './sentences.ts';

/** One place a block's text takes in the document, and what was finished for it there. */
export interface Occurrence {
  prose: BlockProse;
  /** The cache key of its text. */
  key: string;
  /** The split that last claimed it. */
  stamp?: number;
  /** The comments moved to where the block stands. */
  comments?: { at: number; list: CommentNode[] };
  /** Its sentences after `index` sentences that last named `recent`; `after`: what it names last. */
  finished?: {
    local: Sentence[];
    index: number;
    recent: readonly string[];
    sentences: Sentence[];
    after: readonly string[];
    /** How many of them are claims (name a treatment or refer back to one). */
    claims: number;
  };
  memo: PlacedBlock['memo'];
}

export interface Placed {
  occurrence: Occurrence;
  at: number;
  length: number;
}

/** Sentences made and checked block by block, reusing what each occurrence kept. */
export function stages(blocks: readonly Placed[]): SentenceStages {
  const placed: PlacedBlock[] = [];
  let claims = 0;
  return {
    analyse(kb) {
      const sentences: Sentence[] = [];
      let recent: readonly string[] = [];
      claims = 0;
      const caveats: number[] = [];
      for (const { occurrence, at, length } of blocks) {
        const block = occurrence.prose;
        if (block.analysed?.kb !== kb) block.analysed = analyseBlock(kb, block);
        const local = block.analysed.sentences;
        caveats.push(block.analysed.caveats);
        let done = occurrence.finished;
        if (done?.local !== local || !sameIds(done.recent, recent)) {
          done = {
            local,
            index: sentences.length,
            recent,
            ...finish(local, sentences.length, recent),
          };
          occurrence.finished = done;
        } else if (done.index !== sentences.length) {
          // A sentence came or went before the block: renumber its own sentences in place
          // rather than re-create every sentence after the edit.
          done.index = sentences.length;
          done.sentences.forEach((s, i) => (s.index = sentences.length + i));
        }
        placed.push({
          at,
          length,
          first: sentences.length,
          count: done.sentences.length,
          recent,
          neighbours: 0,
          memo: occurrence.memo,
        });
        claims += done.claims;
        for (const s of done.sentences) sentences.push(s);
        recent = done.after;
      }
      markNeighbours(placed, caveats);
      return sentences;
    },
    claims: () => claims,
    shift(s) {
      // The last block whose first sentence is at or before s.
      let lo = 0;
      let hi = placed.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if ((placed[mid]?.first ?? 0) <= s.index) lo = mid;
        else hi = mid - 1;
      }
      return placed[lo]?.at ?? 0;
    },
    check: (ctx, enabled) => checkBlocks(ctx, enabled, placed),
  };
}

function analyseBlock(kb: KnowledgeIndex, block: BlockProse): NonNullable<BlockProse['analysed']> {
  const sentences = block.segments.flatMap((segment) =>
    splitSentences(segment.text).map((span) => analyseLocally(kb, segment, span)),
  );
  const caveats =
    (caveated(sentences[0]) ? 1 : 0) | (caveated(sentences[sentences.length - 1]) ? 2 : 0);
  return { kb, sentences, caveats };
}

/** Locally analysed sentences, numbered from `index`, after sentences that last named `recent`. */
function finish(
  local: readonly Sentence[],
  index: number,
  recent: readonly string[],
): { sentences: Sentence[]; after: readonly string[]; claims: number } {
  const sentences = local.map((l, i) => {
    const s = withEarlierTreatments(l, index + i, recent);
    if (s.mentions.treatments.length > 0) recent = s.treatments;
    return s;
  });
  let claims = 0;
  for (const s of sentences) if (s.treatments.length > 0) claims++;
  return { sentences, after: recent, claims };
}

/**
 * Whether the sentences just before and after each block carry an evidence caveat (what
 * low-dose-unqualified reads of its neighbours), from the blocks' own first and last sentences
 * (`caveats`, per block as in `analyseBlock`; kept with the block, not read from every sentence).
 */
function markNeighbours(placed: PlacedBlock[], caveats: readonly number[]): void {
  let before = false;
  placed.forEach((block, i) => {
    if (before) block.neighbours |= 1;
    if (block.count > 0) before = ((caveats[i] ?? 0) & 2) !== 0;
  });
  let after = false;
  for (let i = placed.length - 1; i >= 0; i--) {
    const block = placed[i] as PlacedBlock;
    if (after) block.neighbours |= 2;
    if (block.count > 0) after = ((caveats[i] ?? 0) & 1) !== 0;
  }
}

function caveated(s: Sentence | undefined): boolean {
  return s !== undefined && s.mentions['evidence-caveats'].length > 0;
}
