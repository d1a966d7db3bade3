/**
 * One Markdown block parsed alone, as it parses inside the document (see incremental.ts for why
 * that holds), and the lines where a block may start.
 */
import type { Event } from 'micromark-util-types';
import type { KnowledgeIndex } from './knowledge-index.ts';
import type { Sentence } from './analyse.ts';
import { exitOf, InlineWalker } from './event-inline.ts';
import { BLOCK_NODES, proseFromEvents } from './event-prose.ts';
import type { InlineNode } from './inline-prose.ts';
import { markdownEvents } from './parse.ts';
import {
  emptyProse,
  lastBlockSwallows,
  shiftProse,
  type CommentNode,
  type Segment,
} from './prose.ts';

/** The prose of one block, with offsets in the block's own text. */
export interface BlockProse {
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
  analysed?: {
    kb: KnowledgeIndex;
    sentences: Sentence[];
    /** Bit 1: its first sentence has an evidence caveat; bit 2: its last one. */
    caveats: number;
  };
}

const BOUNDARY_START = /[\p{L}#]/uy;
const LINE_END = /\r\n|\r|\n/g;

/** Starts of lines that begin with a letter or `#` in column 0 right after a blank line. */
export function boundaryCandidates(text: string): number[] {
  return [...boundaryCandidatesAfter(text, 0)];
}

/** The candidates after `from`, which starts a line; found as they are asked for. */
export function* boundaryCandidatesAfter(text: string, from: number): Generator<number> {
  // Runs on every keystroke: no slice per line.
  const onlyLf = !text.includes('\r', from);
  let lineStart = from;
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
    if (lineStart > from && previousBlank) {
      BOUNDARY_START.lastIndex = lineStart;
      if (BOUNDARY_START.test(text)) yield lineStart;
    }
    let i = lineStart;
    while (i < lineEnd && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
    previousBlank = i === lineEnd;
    if (next < 0) return;
    lineStart = next;
  }
}

/**
 * A copy of `text` that shares no memory with the string it was sliced from. What a block keeps
 * (segment texts, messages) would otherwise keep alive the whole document as it was when the
 * block was parsed: editing 100 paragraphs of a 1 MB document grew the heap by 200 MB.
 */
export function detached(text: string): string {
  // Slicing a concatenation flattens it into a new string first.
  return text.length < 13 ? text : ` ${text}`.slice(1);
}

/** The stub definitions every block with a `[` is parsed with: one per label, sorted. */
export function stubText(blocks: BlockProse[]): string {
  const lines = new Set<string>();
  for (const b of blocks) for (const d of b.definitions) lines.add(d);
  return [...lines].sort().join('');
}

/**
 * The text a block is parsed as, and how many characters of stubs come before it. Stubs go
 * after the first block (which may open with front matter) and before the others (which start
 * in column 0 after a blank line, so nothing of the stubs stays open).
 */
export function withStubs(
  source: string,
  first: boolean,
  stubs: string,
): { parsed: string; before: number } {
  const before = stubs && !first ? stubs : '';
  const after = stubs && first ? `\n\n${stubs}` : '';
  return { parsed: `${before}${source}${after}`, before: before.length };
}

export function parseBlock(
  source: string,
  first: boolean,
  last: boolean,
  stubs: string,
): BlockProse {
  const { parsed, before } = withStubs(source, first, stubs);
  // micromark drops a byte-order mark (only a first block can start with one) and counts
  // offsets from after it.
  const bom = parsed.charCodeAt(0) === 0xfeff ? 1 : 0;
  const events = markdownEvents(parsed);
  const own = { from: before, to: before + source.length - bom };
  const walked = emptyProse();
  const walk = proseFromEvents(bom ? parsed.slice(1) : parsed, events, walked, own);
  // From micromark's offsets to the block's own.
  const doc = shiftProse(walked, bom - before);
  const lastBlock = walk.last;
  return {
    segments: doc.segments,
    comments: doc.comments,
    frontMatter: doc.frontMatter,
    footnoteLabels: [...doc.footnoteLabels],
    definitions: definitionStubs(events, own),
    endsOpen: walk.lastIndex >= 0 && endsInCodeOrHtml(events, walk.lastIndex),
    openEnd: last
      ? lastBlockSwallows(
          lastBlock.type,
          lastBlock.start + bom,
          lastBlock.end + bom,
          parsed,
          'markdown',
        )
      : false,
    hasFrontMatter: walk.firstType === 'yaml' || walk.firstType === 'toml',
  };
}

/** Stub lines for the link and footnote definitions among the walked blocks, at any depth. */
function definitionStubs(events: Event[], own: { from: number; to: number }): string[] {
  const out: string[] = [];
  for (let i = 0; i < events.length; i++) {
    const event = events[i] as Event;
    const kind = event[0];
    const token = event[1];
    if (kind !== 'enter') continue;
    const type: string = token.type;
    const footnote = type === 'gfmFootnoteDefinitionLabelString';
    if (!footnote && type !== 'definitionLabelString') continue;
    if (token.start.offset < own.from || token.start.offset >= own.to) continue;
    // The label as mdast-util-from-markdown reads it: escapes and references decoded.
    const label = new InlineWalker(events, 'fragment')
      .walk(i + 1, exitOf(events, i))
      .map((n) => n.value ?? '')
      .join('');
    out.push(footnote ? `[^${label}]: x\n\n` : `[${label}]: x\n\n`);
  }
  return out;
}

/**
 * Whether the block entered at `i` ends inside code or HTML: its last child, that child's last
 * child and so on down to the inline nodes, as in the tree, reaches a code block or HTML.
 */
function endsInCodeOrHtml(events: Event[], i: number): boolean {
  let at: number | undefined = i;
  while (at !== undefined) {
    const type: string = (events[at] as Event)[1].type;
    if (type === 'codeFenced' || type === 'codeIndented' || type === 'htmlFlow') return true;
    const inlineRoot = INLINE_ROOTS.get(type);
    if (inlineRoot) {
      const children = new InlineWalker(events, inlineRoot).walk(at + 1, exitOf(events, at));
      return lastDescendantIsHtml(children);
    }
    at = lastChild(events, at);
  }
  return false;
}

/** Blocks whose children are inline nodes, and the type their inline walk starts from. */
const INLINE_ROOTS = new Map([
  ['paragraph', 'paragraph'],
  ['atxHeading', 'heading'],
  ['setextHeading', 'heading'],
  ['tableHeader', 'tableCell'],
  ['tableData', 'tableCell'],
]);

function lastDescendantIsHtml(children: InlineNode[] | undefined): boolean {
  let node = children?.[children.length - 1];
  while (node) {
    if (node.type === 'html') return true;
    node = node.children?.[node.children.length - 1];
  }
  return false;
}

/**
 * The enter event of the last child node of the block entered at `i`, or undefined. A list's
 * children are its items, which are not tokens: its last child is the last block after its last
 * item marker. A table's rows sit in its head and body; `content` wraps paragraphs and
 * definitions.
 */
function lastChild(events: Event[], i: number): number | undefined {
  const type: string = (events[i] as Event)[1].type;
  const end = exitOf(events, i);
  const list = type === 'listOrdered' || type === 'listUnordered';
  let found: number | undefined;
  let depth = 0;
  let inContent = false;
  for (let k = i + 1; k < end; k++) {
    const event = events[k] as Event;
    const kind = event[0];
    const token = event[1];
    if (kind === 'exit') {
      depth--;
      continue;
    }
    const child: string = token.type;
    if (type === 'table') {
      if (child === 'tableRow') found = k;
    } else if (type === 'tableRow') {
      if (depth === 0 && (child === 'tableHeader' || child === 'tableData')) found = k;
    } else if (depth === 0) {
      inContent = child === 'content';
      if (list && child === 'listItemPrefix') found = undefined;
      else if (BLOCK_NODES.has(child)) found = k;
    } else if (depth === 1 && inContent && BLOCK_NODES.has(child)) found = k;
    depth++;
  }
  return found;
}
