/**
 * One Markdown block parsed alone, as it parses inside the document (see incremental.ts for why
 * that holds), and the lines where a block may start.
 */
import type { Nodes, RootContent } from 'mdast';
import type { KnowledgeIndex } from './knowledge-index.ts';
import type { Sentence } from './analyse.ts';
import { parseMarkdown } from './parse.ts';
import {
  emptyProse,
  swallowsAppendedText,
  walkBlocks,
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

export function parseBlock(
  source: string,
  first: boolean,
  last: boolean,
  stubs: string,
): BlockProse {
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
  const doc = emptyProse();
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
  return { ...s, offsets: s.offsets.shifted(by) };
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
