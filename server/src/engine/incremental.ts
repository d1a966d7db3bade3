/**
 * Incremental linting for an editor: `IncrementalLinter.lint(text, options)` returns exactly
 * what `lint(text, options)` returns (with each finding's suggestions made when asked for, see
 * `EditorLintResult`), but re-parses and re-analyses only the Markdown blocks
 * whose text changed since the previous call, and runs the sentence rules only on blocks whose
 * text or context changed (block-drafts.ts). Suppressions and document rules, which are cheap
 * and read the whole document, run in full every time.
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
 * Blocks keep their sentences and drafts from one call to the next (block-sentences.ts,
 * block-drafts.ts). The split itself is redone only between the first and last character that
 * changed: before, the blocks are the same; after, once a boundary falls where one fell before,
 * so do all the rest (the split from a boundary on depends only on the text after it).
 */
import { boundaryCandidatesAfter, detached, parseBlock, stubText } from './block-prose.ts';
import { stages, type Occurrence, type Placed } from './block-sentences.ts';
import { forEditor, lint, lintProseForEditor, type LintOptions } from './lint.ts';
import { languageFromPath } from './parse.ts';
import {
  deepestNesting,
  emptyProse,
  hasOverDenseParagraph,
  MAX_NESTING,
  type CommentNode,
  type ProseDocument,
} from './prose.ts';
import type { EditorLintResult } from './types.ts';

export { boundaryCandidates } from './block-prose.ts';

/** A failed boundary makes the block before grow; after this many, the rest is one block. */
const MAX_GROWTH = 16;

class TooDeep extends Error {}

interface SplitBlock {
  start: number;
  occurrence: Occurrence;
}

export class IncrementalLinter {
  /** Block key (text, flags, stubs) → its occurrences, in the order they were claimed. */
  private cache = new Map<string, Occurrence[]>();
  private used = new Map<string, Occurrence[]>();
  private stubs = '';
  /** Occurrences claimed by the split in progress carry this stamp. */
  private stamp = 0;
  /** The last text and its split, with the stubs it was made with. */
  private last?: { text: string; stubs: string; blocks: SplitBlock[] };
  /** How many blocks the last call linted separately (0: it took the full path: MDX, plain text, too deep). */
  blocks = 0;

  /** Same result as `lint(text, options)`, with the suggestions made when asked for. */
  lint(text: string, options: LintOptions): EditorLintResult {
    const language = options.language ?? languageFromPath(options.path);
    if (language !== 'markdown') return this.full(text, options);
    try {
      const prose = this.prose(text);
      this.blocks = prose.blocks.length;
      return lintProseForEditor(text, prose.doc, options, stages(prose.blocks));
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
    this.last = undefined;
  }

  private full(text: string, options: LintOptions): EditorLintResult {
    this.used.clear();
    this.last = undefined;
    this.blocks = 0;
    return forEditor(lint(text, options));
  }

  private prose(text: string): { doc: ProseDocument; blocks: Placed[] } {
    this.last = this.last?.stubs === this.stubs ? this.last : undefined;
    // One block is the whole document parsed as `extractProse` parses it (no stubs): still
    // worth caching, an unchanged text costs nothing.
    let split = this.split(text, this.stubs);
    const stubs = stubText(split.map((b) => b.occurrence.prose));
    if (stubs !== this.stubs) {
      // The definitions changed: parse again with the right ones (block structure is the same).
      this.stubs = stubs;
      this.last = undefined;
      split = this.split(text, stubs);
    }
    this.last = { text, stubs, blocks: split };
    // The segments stay with the blocks (the stages read them there).
    const doc = emptyProse([], split[split.length - 1]?.occurrence.prose.openEnd ?? false);
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
  private split(text: string, stubs: string): SplitBlock[] {
    this.stamp++;
    const frontMatter = /^\uFEFF?(?:---|\+\+\+)/.test(text);
    const blocks: SplitBlock[] = [];
    const last = this.last;
    let suffix = 0;
    let delta = 0;
    if (last) {
      const prefix = commonPrefix(last.text, text);
      suffix = commonSuffix(last.text, text, prefix);
      delta = text.length - last.text.length;
      // A block is the same while its text and the first character after it are unchanged.
      for (let i = 0; (last.blocks[i + 1]?.start ?? Infinity) < prefix; i++)
        blocks.push(this.reuse(last.blocks[i] as SplitBlock, 0));
    }
    let start = blocks.length > 0 ? (last?.blocks[blocks.length]?.start ?? 0) : 0;
    let growth = 0;
    for (const at of boundaryCandidatesAfter(text, start)) {
      const first = start === 0;
      const occurrence = this.block(text.slice(start, at), first, false, stubs);
      const prose = occurrence.prose;
      if (prose.endsOpen || (first && frontMatter && !prose.hasFrontMatter)) {
        if (++growth >= MAX_GROWTH) break;
        continue;
      }
      blocks.push({ start, occurrence });
      start = at;
      growth = 0;
      // From a boundary in the unchanged end, the rest is split as before.
      const j = last && at >= text.length - suffix ? indexOfStart(last.blocks, at - delta) : -1;
      if (last && j >= 0) {
        for (let k = j; k < last.blocks.length; k++)
          blocks.push(this.reuse(last.blocks[k] as SplitBlock, delta));
        return blocks;
      }
    }
    const first = start === 0;
    blocks.push({ start, occurrence: this.block(text.slice(start), first, true, stubs) });
    return blocks;
  }

  /** A block of the last split, moved by `delta`, claimed again. */
  private reuse(block: SplitBlock, delta: number): SplitBlock {
    const old = block.occurrence;
    // An identical block in the changed part may have claimed it already.
    if (old.stamp === this.stamp) {
      const occurrence: Occurrence = { prose: old.prose, key: old.key, memo: {} };
      this.claim(occurrence);
      return { start: block.start + delta, occurrence };
    }
    this.claim(old);
    return delta === 0 ? block : { start: block.start + delta, occurrence: old };
  }

  /** The first occurrence of a block with this text that this split has not claimed yet. */
  private block(slice: string, first: boolean, last: boolean, stubs: string): Occurrence {
    // The key and the parse are kept: they must not keep this version of the document alive
    // (a block that is the whole document is that version, and goes with it).
    const source = first && last ? slice : detached(slice);
    // A single block is the whole document: it needs no stubs (its definitions are its own).
    const stub = first && last ? '' : source.includes('[') ? stubs : '';
    const key = `${first ? 'F' : '-'}${last ? 'L' : '-'}${stub.length}:${stub}${source}`;
    const used = this.used.get(key);
    const cached = this.cache.get(key);
    const free = (o: Occurrence) => o.stamp !== this.stamp;
    let occurrence = used?.find(free) ?? cached?.find(free);
    if (!occurrence) {
      // Another occurrence shares the parse, not what was finished for its place.
      let prose = used?.[0]?.prose ?? cached?.[0]?.prose;
      if (!prose) {
        // Documents the full path treats specially (deep nesting, over-dense paragraphs) take it.
        if (deepestNesting(source) > MAX_NESTING || hasOverDenseParagraph(source))
          throw new TooDeep();
        prose = parseBlock(source, first, last, stub);
      }
      occurrence = { prose, key, memo: {} };
    }
    this.claim(occurrence);
    return occurrence;
  }

  private claim(occurrence: Occurrence): void {
    occurrence.stamp = this.stamp;
    let used = this.used.get(occurrence.key);
    if (!used) this.used.set(occurrence.key, (used = []));
    if (!used.includes(occurrence)) used.push(occurrence);
  }
}

/** How many characters `a` and `b` share at the start. */
function commonPrefix(a: string, b: string): number {
  const max = Math.min(a.length, b.length);
  let n = 0;
  // Compared a chunk at a time natively, then character by character.
  for (const step of [65536, 4096, 256]) {
    while (n + step <= max && a.slice(n, n + step) === b.slice(n, n + step)) n += step;
  }
  while (n < max && a.charCodeAt(n) === b.charCodeAt(n)) n++;
  return n;
}

/** How many characters `a` and `b` share at the end, not counting the first `prefix`. */
function commonSuffix(a: string, b: string, prefix: number): number {
  const max = Math.min(a.length, b.length) - prefix;
  let n = 0;
  for (const step of [65536, 4096, 256]) {
    while (
      n + step <= max &&
      a.slice(a.length - n - step, a.length - n) === b.slice(b.length - n - step, b.length - n)
    )
      n += step;
  }
  while (n < max && a.charCodeAt(a.length - 1 - n) === b.charCodeAt(b.length - 1 - n)) n++;
  return n;
}

/** The index of the block that starts at `start`, or -1. */
function indexOfStart(blocks: readonly SplitBlock[], start: number): number {
  let lo = 0;
  let hi = blocks.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const at = blocks[mid]?.start ?? 0;
    if (at === start) return mid;
    if (at < start) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
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
