/**
 * Extracts the prose of a draft as segments (paragraphs, headings, table cells) whose every
 * character knows its offset in the source, so findings point at the exact source text even
 * when escapes (`\*`) or entities (`&amp;`) make a node's value shorter than its source.
 */
import type { Nodes, Parents, Root } from 'mdast';
import type { Language } from './parse.ts';
import { markdownEvents, parseMarkdown } from './parse.ts';
import { proseFromEvents, type LastBlock } from './event-prose.ts';
import type { Notice } from './types.ts';
import { SourceOffsets } from './offsets.ts';
import { addComment, addSegment } from './inline-prose.ts';

export type SegmentKind = 'paragraph' | 'heading' | 'cell';

export interface Segment {
  kind: SegmentKind;
  text: string;
  /** Source offset of each character of `text`, plus one entry for the end. */
  offsets: SourceOffsets;
  /** Inside a blockquote: the words are somebody else's. */
  quoted: boolean;
  /** Positions in `text` where a footnote reference or a reference-like link stands. */
  citations: number[];
  /** Link targets with their span in `text`. */
  links: { start: number; end: number; url: string }[];
}

/** Raw text of a comment the suppression parser should read (HTML or MDX). */
export interface CommentNode {
  value: string;
  start: number;
  end: number;
}

export interface ProseDocument {
  segments: Segment[];
  comments: CommentNode[];
  frontMatter?: { value: string; start: number };
  /** Footnote labels already defined in the document. */
  footnoteLabels: Set<string>;
  notices: Notice[];
  /**
   * True when text appended at the end of the document would not be prose: the document ends
   * inside an unclosed code fence or HTML comment, so a disclaimer or footnote added there
   * would be swallowed by it.
   */
  openEnd: boolean;
}

/** More `>` or list markers than this at the start of one line is not a draft but an attack. */
export const MAX_NESTING = 100;

/**
 * More link or emphasis markers (`[`, `]`, `*`, `_`) than this in one paragraph is not prose:
 * micromark's time grows with the square of their number (8,000 took a second, 32,000 a minute).
 */
export const MAX_INLINE_MARKERS = 2000;

export function extractProse(text: string, language: Language): ProseDocument {
  if (language === 'text') return plainText(text);
  // micromark's time grows with the square of the nesting depth, and the tree walkers recurse
  // once per level (thousands of levels overflow the stack): check such text as plain text.
  if (deepestNesting(text) > MAX_NESTING) return tooDeep(text);
  try {
    if (hasOverDenseParagraph(text)) return defused(text, language);
    return markdownProse(text, language);
  } catch (error) {
    if (error instanceof RangeError) return tooDeep(text);
    throw error;
  }
}

function tooDeep(text: string): ProseDocument {
  const doc = plainText(text);
  doc.notices.push({
    message: `The document nests blockquotes or lists more than ${MAX_NESTING} deep; checked as plain text.`,
    start: 0,
    end: 0,
  });
  return doc;
}

/** Paragraphs (runs of non-blank lines) as [start, end) offsets, with their marker counts. */
function paragraphMarkers(text: string): { start: number; end: number; markers: number }[] {
  const found: { start: number; end: number; markers: number }[] = [];
  let start = -1;
  let markers = 0;
  let lineStart = 0;
  let blank = true;
  const endLine = (at: number) => {
    if (blank && start >= 0) {
      found.push({ start, end: lineStart, markers });
      start = -1;
      markers = 0;
    } else if (!blank && start < 0) start = lineStart;
    lineStart = at;
    blank = true;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) endLine(i + 1);
    else if (c !== 13 && c !== 32 && c !== 9) {
      if (blank && start < 0) start = lineStart;
      blank = false;
      if (c === 91 || c === 93 || c === 42 || c === 95 /* [ ] * _ */) markers++;
    }
  }
  endLine(text.length);
  if (start >= 0) found.push({ start, end: text.length, markers });
  return found;
}

/** Whether some paragraph has more than MAX_INLINE_MARKERS link and emphasis markers. */
export function hasOverDenseParagraph(text: string): boolean {
  // Few markers in the whole text (the usual case) settles it without splitting paragraphs.
  if (countMarkers(text, MAX_INLINE_MARKERS + 1) <= MAX_INLINE_MARKERS) return false;
  return paragraphMarkers(text).some((p) => p.markers > MAX_INLINE_MARKERS);
}

/** How many `[`, `]`, `*` and `_` the text has, counting no further than `limit`. */
function countMarkers(text: string, limit: number): number {
  let count = 0;
  for (const marker of '[]*_') {
    for (let i = text.indexOf(marker); i >= 0 && count < limit; i = text.indexOf(marker, i + 1))
      count++;
  }
  return count;
}

/**
 * Parses the document with the markers of its over-dense paragraphs blanked out (same length,
 * so every offset still points at the source), and says which paragraphs lost their formatting.
 */
function defused(text: string, language: Exclude<Language, 'text'>): ProseDocument {
  const chars = text.split('');
  const notices: Notice[] = [];
  for (const p of paragraphMarkers(text)) {
    if (p.markers <= MAX_INLINE_MARKERS) continue;
    for (let i = p.start; i < p.end; i++) if ('[]*_'.includes(text[i] as string)) chars[i] = ' ';
    notices.push({
      message: `A paragraph with more than ${MAX_INLINE_MARKERS} link or emphasis markers was checked without its formatting.`,
      start: p.start,
      end: p.start,
    });
  }
  const doc = markdownProse(chars.join(''), language);
  doc.notices.push(...notices);
  return doc;
}

/** The most container markers (`>`, `-`, `*`, `+`, `1.`, `1)`) opening any one line. */
export function deepestNesting(text: string): number {
  const lineBreakFrom = lineBreakFinder(text);
  let deepest = 0;
  let depth = 0;
  let atPrefix = true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      depth = 0;
      atPrefix = true;
      continue;
    }
    if (c === 32 || c === 9) continue;
    const next = text.charCodeAt(i + 1);
    const spaceAfter = next === 32 || next === 9;
    if (c === 62 /* > */) depth++;
    else if ((c === 45 || c === 42 || c === 43) /* - * + */ && spaceAfter) depth++;
    else if (c >= 48 && c <= 57) {
      let j = i;
      while (j < text.length && j - i < 9 && text.charCodeAt(j) >= 48 && text.charCodeAt(j) <= 57)
        j++;
      const mark = text.charCodeAt(j);
      const after = text.charCodeAt(j + 1);
      if ((mark === 46 || mark === 41) && (after === 32 || after === 9)) {
        depth++;
        i = j;
      } else atPrefix = false;
    } else atPrefix = false;
    if (depth > deepest) deepest = depth;
    // The rest of the line cannot open a container: go straight to its end.
    if (!atPrefix) i = lineBreakFrom(i) - 1;
  }
  return deepest;
}

/** Finds the next line break (`\n` or `\r`) at or after a position that only moves forward. */
function lineBreakFinder(text: string): (from: number) => number {
  let lf = -2;
  let cr = -2;
  return (from) => {
    if (lf !== -1 && lf < from) lf = text.indexOf('\n', from);
    if (cr !== -1 && cr < from) cr = text.indexOf('\r', from);
    return Math.min(lf < 0 ? text.length : lf, cr < 0 ? text.length : cr);
  };
}

/** A document with no prose yet, for the walkers to fill. */
export function emptyProse(notices: Notice[] = [], openEnd = false): ProseDocument {
  return { segments: [], comments: [], footnoteLabels: new Set(), notices, openEnd };
}

function markdownProse(text: string, language: Exclude<Language, 'text'>): ProseDocument {
  if (language === 'mdx') return proseOfTree(text, language);
  // micromark drops a byte-order mark and counts offsets from after it.
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const doc = emptyProse();
  const { last } = proseFromEvents(bom ? text.slice(1) : text, markdownEvents(text), doc);
  const shifted = shiftProse(doc, bom);
  shifted.openEnd = lastBlockSwallows(last.type, last.start + bom, last.end + bom, text, language);
  return shifted;
}

/** The same prose for its text moved `by` characters in the source. */
export function shiftProse(doc: ProseDocument, by: number): ProseDocument {
  // Most blocks need no shift: no copies on the keystroke path then.
  if (by === 0) return doc;
  const shifted = {
    ...doc,
    segments: doc.segments.map((s) => ({ ...s, offsets: s.offsets.shifted(by) })),
    comments: doc.comments.map((c) => ({ ...c, start: c.start + by, end: c.end + by })),
  };
  if (doc.frontMatter)
    shifted.frontMatter = { ...doc.frontMatter, start: doc.frontMatter.start + by };
  return shifted;
}

/** The prose read from the syntax tree: for MDX, and the oracle the event walker must equal. */
export function proseOfTree(text: string, language: Exclude<Language, 'text'>): ProseDocument {
  const { tree, notices } = parseMarkdown(text, language);
  const doc = emptyProse(notices, swallowsAppendedText(tree, text, language));
  walkBlocks(tree, text, doc, false);
  return doc;
}

/** Whether text appended after the tree's last top-level block would be swallowed by it. */
export function swallowsAppendedText(
  tree: Root,
  text: string,
  language: Exclude<Language, 'text'>,
): boolean {
  const last = tree.children[tree.children.length - 1];
  if (!last) return false;
  const type = last.type === 'code' || last.type === 'html' ? last.type : 'other';
  const end = last.position?.end.offset ?? text.length;
  return lastBlockSwallows(type, last.position?.start.offset ?? 0, end, text, language);
}

/**
 * Only a top-level code or HTML block that runs to the end of the file can swallow a paragraph
 * appended after a blank line. Re-parsing that block's source with a probe paragraph after it
 * answers the question exactly and costs nothing in the usual case.
 */
export function lastBlockSwallows(
  type: LastBlock['type'],
  start: number,
  end: number,
  text: string,
  language: Exclude<Language, 'text'>,
): boolean {
  if (type === 'other') return false;
  if (text.slice(end).trim() !== '') return false;
  const probe = parseMarkdown(`${text.slice(start)}\n\nprobe`, language).tree.children;
  return probe[probe.length - 1]?.type !== 'paragraph';
}

function plainText(text: string): ProseDocument {
  const segments: Segment[] = [];
  // Paragraphs are separated by blank lines.
  const blank = /\r?\n[ \t]*\r?\n|\r[ \t]*\r/g;
  let start = 0;
  const push = (from: number, to: number) => {
    const body = text.slice(from, to);
    if (body.trim() === '') return;
    segments.push({
      kind: 'paragraph',
      text: body,
      // One run: the paragraph is the source itself.
      offsets: new SourceOffsets([0], [from], body.length + 1),
      quoted: false,
      citations: [],
      links: [],
    });
  };
  for (const m of text.matchAll(blank)) {
    push(start, m.index ?? 0);
    start = (m.index ?? 0) + m[0].length;
  }
  push(start, text.length);
  return { ...emptyProse(), segments };
}

export function walkBlocks(node: Nodes, source: string, doc: ProseDocument, quoted: boolean): void {
  switch (node.type) {
    case 'paragraph':
      return addSegment('paragraph', node, source, doc, quoted);
    case 'heading':
      return addSegment('heading', node, source, doc, quoted);
    case 'tableCell':
      return addSegment('cell', node, source, doc, quoted);
    case 'yaml':
      if (node.position)
        doc.frontMatter = { value: node.value, start: node.position.start.offset ?? 0 };
      return;
    case 'html':
      return addComment(node.value, node, doc);
    case 'mdxFlowExpression':
      return addComment(node.value, node, doc);
    case 'footnoteDefinition':
      // The bibliography is not prose to check.
      doc.footnoteLabels.add(node.identifier);
      return;
    case 'code':
    case 'definition':
    case 'mdxjsEsm':
    case 'thematicBreak':
      return;
    case 'blockquote':
      for (const child of node.children) walkBlocks(child, source, doc, true);
      return;
    default:
      // TOML front matter and anything without children carries no prose.
      if ('children' in node)
        for (const child of (node as Parents).children) walkBlocks(child, source, doc, quoted);
  }
}

export type { Root };
