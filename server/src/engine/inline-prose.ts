/**
 * A block's inline content as a segment of prose: text, link text and line breaks are kept,
 * code, images, HTML and footnote calls leave a gap. Read from mdast nodes (prose.ts) or from
 * the nodes the event walker makes without a tree (event-prose.ts).
 */
import { findBareUrls } from './bare-urls.ts';
import type { ProseDocument, SegmentKind } from './prose.ts';
import { alignValue, SegmentBuilder } from './segment-text.ts';

/** What this walker reads of a node; mdast nodes have this shape. */
export interface InlineNode {
  type: string;
  value?: string;
  url?: string;
  children?: InlineNode[];
  position?: { start: { offset?: number }; end: { offset?: number } };
}

export function addComment(value: string, node: InlineNode, doc: ProseDocument): void {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start === undefined || end === undefined) return;
  doc.comments.push({ value, start, end });
}

export function addSegment(
  kind: SegmentKind,
  node: InlineNode,
  source: string,
  doc: ProseDocument,
  quoted: boolean,
): void {
  const end = node.position?.end.offset ?? source.length;
  const b = new SegmentBuilder(node.position?.start.offset ?? 0, end);
  inlineChildren(node, source, b, doc);
  if (b.text.trim() === '') return;
  b.offsets.push(end);
  doc.segments.push({
    kind,
    text: b.text,
    offsets: b.offsets.build(),
    quoted,
    citations: b.citations,
    links: b.links,
  });
}

function inline(node: InlineNode, source: string, b: SegmentBuilder, doc: ProseDocument): void {
  inlineNode(node, source, b, doc);
  if (node.position) b.cursor = Math.max(b.cursor, node.position.end.offset ?? b.cursor);
}

function inlineNode(node: InlineNode, source: string, b: SegmentBuilder, doc: ProseDocument): void {
  // Without a position (not expected), the node starts where the previous one ended.
  const start = node.position?.start.offset ?? b.cursor;
  switch (node.type) {
    case 'text':
      return addText(node, start, source, b);
    case 'footnoteReference':
      b.citations.push(b.text.length);
      b.gap(start);
      return;
    case 'link': {
      const from = b.text.length;
      if (isBareUrl(node)) b.gap(start);
      else {
        b.linkDepth++;
        inlineChildren(node, source, b, doc);
        b.linkDepth--;
      }
      b.links.push({ start: from, end: b.text.length, url: node.url ?? '' });
      return;
    }
    case 'html':
    case 'mdxTextExpression':
      addComment(node.value ?? '', node, doc);
      b.gap(start);
      return;
    case 'break':
      b.append('\n', [start]);
      return;
    case 'inlineCode':
    case 'image':
    case 'imageReference':
      b.gap(start);
      return;
    default:
      if (node.children) inlineChildren(node, source, b, doc);
      else b.gap(start);
  }
}

/** An indexed loop: this runs for every inline node, mostly before V8 optimizes it. */
function inlineChildren(node: InlineNode, source: string, b: SegmentBuilder, doc: ProseDocument) {
  const children = node.children ?? [];
  for (let i = 0; i < children.length; i++) inline(children[i] as InlineNode, source, b, doc);
}

function addText(node: InlineNode, start: number, source: string, b: SegmentBuilder): void {
  const value = node.value ?? '';
  const end = node.position?.end.offset ?? b.limit;
  // Most text is the source as it stands (no escapes, references or stripped indentation):
  // then character k is at start + k, and no map is made.
  const verbatim =
    node.position !== undefined && start + value.length <= end && source.startsWith(value, start);
  const map = verbatim ? undefined : alignValue(value, source, start, end);
  const piece = (from: number, to: number) => {
    if (map)
      b.append(
        value.slice(from, to),
        from === 0 && to === value.length ? map : map.slice(from, to),
      );
    else b.appendSource(value.slice(from, to), start + from);
  };
  // A bare URL or address is not prose, but may be a citation: a gap and a link, as GFM
  // would have made of it (link text keeps its URLs: GFM finds none inside links).
  const urls = b.linkDepth > 0 ? [] : findBareUrls(value);
  let from = 0;
  for (const url of urls) {
    piece(from, url.start);
    const at = b.text.length;
    b.gap(map ? (map[url.start] ?? start) : start + url.start);
    b.links.push({ start: at, end: b.text.length, url: url.url });
    from = url.end;
  }
  piece(from, value.length);
}

/** `<https://…>` and `[https://…](https://…)` show the URL itself, which is not prose. */
function isBareUrl(node: InlineNode): boolean {
  const only = node.children?.length === 1 ? node.children[0] : undefined;
  if (!only || only.type !== 'text') return false;
  const shown = (only.value ?? '').replace(/^mailto:/, '');
  const url = node.url ?? '';
  return url.endsWith(shown) || shown.startsWith('http') || shown.startsWith('www.');
}
