/**
 * Incremental linting for an editor: `IncrementalLinter.lint(text, options)` returns exactly
 * what `lint(text, options)` returns, but re-parses and re-analyses only the Markdown blocks
 * whose text changed since the previous call. Rules, suppressions and document rules, which are
 * cheap and read the whole document, run in full every time.
 *
 * Why the blocks parse alone as they parse in the document. A block boundary is a line that
 * starts with a letter or `#` in column 0 right after a blank line. Such a line closes every
 * container (list items and footnote definitions need indentation to continue, block quotes a
 * `>`, and after a blank line nothing continues lazily) and every leaf that ends at a blank
 * line; it is not a list item, so it cannot continue a list. What can still be open there is a
 * fenced code block or an HTML block (comments, `<pre>`, …) of the block before, or front
 * matter: a boundary is only taken when the block before, parsed alone, does not end in code or
 * HTML at any depth, and, in a document that starts with a front matter fence, only once the
 * first block holds the front matter. Parsing from such a line starts from the parser's initial
 * state, so the document's tree is the concatenation of the blocks' trees, but for one thing:
 * link reference and footnote definitions anywhere decide whether `[x][ref]` or `[^1]` in any
 * block is a reference. Every block that contains `[` is therefore parsed together with stub
 * definitions of every label the document defines (after the first block, before the others),
 * and the stubs' own nodes are dropped. MDX, plain text and documents nested too deeply take
 * the full path. A property test checks the equality on random edit sequences.
 *
 * Each place a block's text takes in the document (an `Occurrence`: identical blocks each have
 * their own) keeps its sentences, finished for the index and carried treatments they start
 * with, and its sentence rules' drafts (see block-drafts.ts). Segments stay in the block's own
 * coordinates, so a block that an edit before it moved needs no new objects but its drafts'.
 */
import type { Nodes, RootContent } from 'mdast';
import { analyseLocally, withEarlierTreatments, type Sentence } from './analyse.ts';
import { checkBlocks, sameIds, type PlacedBlock } from './block-drafts.ts';
import type { KnowledgeIndex } from './knowledge-index.ts';
import { lint, lintProse, type LintOptions, type SentenceStages } from './lint.ts';
import { languageFromPath, parseMarkdown } from './parse.ts';
import {
  deepestNesting,
  densestInlineMarkers,
  MAX_INLINE_MARKERS,
  MAX_NESTING,
  swallowsAppendedText,
  walkBlocks,
  type CommentNode,
  type ProseDocument,
  type Segment,
} from './prose.ts';
import { splitSentences } from './sentences.ts';
import type { LintResult } from './types.ts';

/** A failed boundary makes the block before grow; after this many, the rest is one block. */
const MAX_GROWTH = 16;

/** The prose of one block, with offsets in the block's own text. */
interface BlockProse {
  segments: Segment[];
  comments: CommentNode[];
  frontMatter?: { value: string; start: number };
  footnoteLabels: string[];
  /** Stub lines for the definitions this block makes (`[label]: x`, `[^label]: x`). */
  definitions: string[];
  /** The block ends inside code or HTML (at any depth): no boundary may follow it. */
  endsOpen: boolean;
  /** What `ProseDocument.openEnd` would be if this block ended the document. */
  openEnd: boolean;
  hasFrontMatter: boolean;
  /** Its sentences, analysed locally (see `analyseLocally`), for one knowledge index. */
  analysed?: { kb: KnowledgeIndex; sentences: Sentence[] };
}

/** One place a block's text takes in the document, and what was finished for it there. */
interface Occurrence {
  prose: BlockProse;
  /** The comments moved to where the block stands. */
  comments?: { at: number; list: CommentNode[] };
  /** Its sentences after `index` sentences that last named `recent`; `after`: what it names last. */
  finished?: {
    local: Sentence[];
    index: number;
    recent: readonly string[];
    sentences: Sentence[];
    after: readonly string[];
  };
  memo: PlacedBlock['memo'];
}

interface Placed {
  occurrence: Occurrence;
  at: number;
  length: number;
}

class TooDeep extends Error {}

export class IncrementalLinter {
  /** Block text (with flags and stubs) → its occurrences, in document order. */
  private cache = new Map<string, Occurrence[]>();
  private used = new Map<string, Occurrence[]>();
  private stubs = '';
  /** How many blocks the last call linted separately (0: it took the full path: MDX, plain text, too deep). */
  blocks = 0;

  /** Same result as `lint(text, options)`. */
  lint(text: string, options: LintOptions): LintResult {
    const language = options.language ?? languageFromPath(options.path);
    if (language !== 'markdown') return this.full(text, options);
    try {
      const prose = this.prose(text);
      this.blocks = prose.blocks.length;
      return lintProse(text, prose.doc, options, stages(prose.blocks));
    } catch (error) {
      if (error instanceof TooDeep || error instanceof RangeError) return this.full(text, options);
      throw error;
    } finally {
      // Keep only what this text used: the cache stays the size of the document.
      this.cache = this.used;
      this.used = new Map();
    }
  }

  /** Forgets every cached block. */
  clear(): void {
    this.cache.clear();
    this.used.clear();
    this.stubs = '';
  }

  private full(text: string, options: LintOptions): LintResult {
    this.used.clear();
    this.blocks = 0;
    return lint(text, options);
  }

  private prose(text: string): { doc: ProseDocument; blocks: Placed[] } {
    // One block is the whole document parsed as `extractProse` parses it (no stubs): still
    // worth caching, an unchanged text costs nothing.
    let split = this.split(text, this.stubs);
    const stubs = stubText(split.map((b) => b.occurrence.prose));
    if (stubs !== this.stubs) {
      // The definitions changed: parse again with the right ones (block structure is the same).
      this.stubs = stubs;
      split = this.split(text, stubs);
    }
    // The segments stay with the blocks (the stages read them there).
    const doc: ProseDocument = {
      segments: [],
      comments: [],
      footnoteLabels: new Set(),
      notices: [],
      openEnd: split[split.length - 1]?.occurrence.prose.openEnd ?? false,
    };
    const blocks: Placed[] = [];
    split.forEach(({ start, occurrence }, i) => {
      const prose = occurrence.prose;
      if (prose.frontMatter) doc.frontMatter = prose.frontMatter;
      for (const label of prose.footnoteLabels) doc.footnoteLabels.add(label);
      for (const c of placeComments(occurrence, start)) doc.comments.push(c);
      const length = (split[i + 1]?.start ?? text.length) - start;
      blocks.push({ occurrence, at: start, length });
    });
    return { doc, blocks };
  }

  /** The document's blocks: boundaries as described at the top of this file. */
  private split(text: string, stubs: string): { start: number; occurrence: Occurrence }[] {
    const candidates = boundaryCandidates(text);
    const frontMatter = /^\uFEFF?(?:---|\+\+\+)/.test(text);
    const blocks: { start: number; occurrence: Occurrence }[] = [];
    const seen = new Map<string, number>();
    let start = 0;
    let growth = 0;
    for (const at of candidates) {
      const first = start === 0;
      const occurrence = this.block(text.slice(start, at), first, false, stubs, seen);
      const prose = occurrence.prose;
      if (prose.endsOpen || (first && frontMatter && !prose.hasFrontMatter)) {
        if (++growth >= MAX_GROWTH) break;
        continue;
      }
      blocks.push({ start, occurrence });
      start = at;
      growth = 0;
    }
    const first = start === 0;
    blocks.push({ start, occurrence: this.block(text.slice(start), first, true, stubs, seen) });
    return blocks;
  }

  /** The `seen`-th occurrence in this split of a block with this text. */
  private block(
    source: string,
    first: boolean,
    last: boolean,
    stubs: string,
    seen: Map<string, number>,
  ): Occurrence {
    // A single block is the whole document: it needs no stubs (its definitions are its own).
    const stub = first && last ? '' : source.includes('[') ? stubs : '';
    const key = `${first ? 'F' : '-'}${last ? 'L' : '-'}${stub.length}:${stub}${source}`;
    const n = seen.get(key) ?? 0;
    seen.set(key, n + 1);
    const cached = this.cache.get(key);
    let used = this.used.get(key);
    if (!used) this.used.set(key, (used = []));
    let occurrence = used[n] ?? cached?.[n];
    if (!occurrence) {
      // Another occurrence shares the parse, not what was finished for its place.
      let prose = used[0]?.prose ?? cached?.[0]?.prose;
      if (!prose) {
        // Documents the full path treats specially (deep nesting, over-dense paragraphs) take it.
        if (
          deepestNesting(source) > MAX_NESTING ||
          densestInlineMarkers(source) > MAX_INLINE_MARKERS
        )
          throw new TooDeep();
        prose = parseBlock(source, first, last, stub);
      }
      occurrence = { prose, memo: {} };
    }
    used[n] = occurrence;
    return occurrence;
  }
}

/** Sentences made and checked block by block, reusing what each occurrence kept. */
function stages(blocks: readonly Placed[]): SentenceStages {
  const placed: PlacedBlock[] = [];
  return {
    analyse(kb) {
      const sentences: Sentence[] = [];
      let recent: readonly string[] = [];
      for (const { occurrence, at, length } of blocks) {
        const block = occurrence.prose;
        if (block.analysed?.kb !== kb) block.analysed = { kb, sentences: analyseBlock(kb, block) };
        const local = block.analysed.sentences;
        let done = occurrence.finished;
        if (
          done?.local !== local ||
          done.index !== sentences.length ||
          !sameIds(done.recent, recent)
        ) {
          done = {
            local,
            index: sentences.length,
            recent,
            ...finish(local, sentences.length, recent),
          };
          occurrence.finished = done;
        }
        placed.push({
          at,
          length,
          first: sentences.length,
          count: done.sentences.length,
          recent,
          memo: occurrence.memo,
        });
        for (const s of done.sentences) sentences.push(s);
        recent = done.after;
      }
      return sentences;
    },
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

function analyseBlock(kb: KnowledgeIndex, block: BlockProse): Sentence[] {
  return block.segments.flatMap((segment) =>
    splitSentences(segment.text).map((span) => analyseLocally(kb, segment, span)),
  );
}

/** Locally analysed sentences, numbered from `index`, after sentences that last named `recent`. */
function finish(
  local: readonly Sentence[],
  index: number,
  recent: readonly string[],
): { sentences: Sentence[]; after: readonly string[] } {
  const sentences = local.map((l, i) => {
    const s = withEarlierTreatments(l, index + i, recent);
    const named = [...new Set(s.mentions.treatments.map((m) => m.value.id))];
    if (named.length > 0) recent = named;
    return s;
  });
  return { sentences, after: recent };
}

/** The block's comments at `at` in the document; reused while the block does not move. */
function placeComments(occurrence: Occurrence, at: number): CommentNode[] {
  const comments = occurrence.prose.comments;
  if (at === 0 || comments.length === 0) return comments;
  if (occurrence.comments?.at !== at)
    occurrence.comments = {
      at,
      list: comments.map((c) => ({ ...c, start: c.start + at, end: c.end + at })),
    };
  return occurrence.comments.list;
}

const BOUNDARY_START = /[\p{L}#]/uy;
const LINE_END = /\r\n|\r|\n/g;

/** Starts of lines that begin with a letter or `#` in column 0 right after a blank line. */
export function boundaryCandidates(text: string): number[] {
  // Runs over the whole text on every keystroke: no slice per line.
  const out: number[] = [];
  const onlyLf = !text.includes('\r');
  let lineStart = 0;
  let previousBlank = false;
  for (;;) {
    let lineEnd: number;
    let next: number;
    if (onlyLf) {
      lineEnd = text.indexOf('\n', lineStart);
      next = lineEnd < 0 ? -1 : lineEnd + 1;
    } else {
      LINE_END.lastIndex = lineStart;
      const m = LINE_END.exec(text);
      lineEnd = m ? m.index : -1;
      next = m ? m.index + m[0].length : -1;
    }
    if (lineEnd < 0) lineEnd = text.length;
    if (lineStart > 0 && previousBlank) {
      BOUNDARY_START.lastIndex = lineStart;
      if (BOUNDARY_START.test(text)) out.push(lineStart);
    }
    let i = lineStart;
    while (i < lineEnd && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
    previousBlank = i === lineEnd;
    if (next < 0) break;
    lineStart = next;
  }
  return out;
}

/** The stub definitions every block with a `[` is parsed with: one per label, sorted. */
function stubText(blocks: BlockProse[]): string {
  const lines = new Set<string>();
  for (const b of blocks) for (const d of b.definitions) lines.add(d);
  return [...lines].sort().join('');
}

function parseBlock(source: string, first: boolean, last: boolean, stubs: string): BlockProse {
  // Stubs go after the first block (which may open with front matter) and before the others
  // (which start in column 0 after a blank line, so nothing of the stubs stays open).
  const before = stubs && !first ? stubs : '';
  const after = stubs && first ? `\n\n${stubs}` : '';
  const parsed = `${before}${source}${after}`;
  const tree = parseMarkdown(parsed, 'markdown').tree;
  const from = before.length;
  const to = from + source.length;
  const own = tree.children.filter((n) => {
    const at = n.position?.start.offset;
    return at !== undefined && at >= from && at < to;
  });
  const doc: ProseDocument = {
    segments: [],
    comments: [],
    footnoteLabels: new Set(),
    notices: [],
    openEnd: false,
  };
  for (const node of own) walkBlocks(node, parsed, doc, false);
  const definitions: string[] = [];
  for (const node of own) collectDefinitions(node, definitions);
  const lastNode = own[own.length - 1];
  return {
    segments: from === 0 ? doc.segments : doc.segments.map((s) => shiftSegment(s, -from)),
    comments:
      from === 0
        ? doc.comments
        : doc.comments.map((c) => ({ ...c, start: c.start - from, end: c.end - from })),
    frontMatter: doc.frontMatter,
    footnoteLabels: [...doc.footnoteLabels],
    definitions,
    endsOpen: lastNode !== undefined && endsInCodeOrHtml(lastNode),
    openEnd: last
      ? swallowsAppendedText({ type: 'root', children: own }, parsed, 'markdown')
      : false,
    hasFrontMatter: own[0]?.type === 'yaml' || (own[0]?.type as string | undefined) === 'toml',
  };
}

function shiftSegment(s: Segment, by: number): Segment {
  return { ...s, offsets: s.offsets.map((o) => o + by) };
}

function endsInCodeOrHtml(node: Nodes): boolean {
  let n: Nodes | undefined = node;
  while (n) {
    if (n.type === 'code' || n.type === 'html') return true;
    const children: RootContent[] | undefined = 'children' in n ? n.children : undefined;
    n = children?.[children.length - 1];
  }
  return false;
}

function collectDefinitions(node: Nodes, out: string[]): void {
  if (node.type === 'definition') out.push(`[${node.label ?? node.identifier}]: x\n\n`);
  else if (node.type === 'footnoteDefinition')
    out.push(`[^${node.label ?? node.identifier}]: x\n\n`);
  if ('children' in node) for (const c of node.children) collectDefinitions(c, out);
}
