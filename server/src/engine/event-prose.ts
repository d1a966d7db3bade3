/**
 * The prose of a Markdown document read straight from micromark's events, without building the
 * syntax tree: a third of the parse went into `mdast-util-from-markdown` making nodes (and their
 * positions) for code, lists and definitions that prose never reads. Each segment's inline nodes
 * are made as `mdast-util-from-markdown` would make them (same values, same positions; the
 * handlers below follow its own) and read by the same walker as the tree's (inline-prose.ts).
 * A property test checks that both ways give the same prose (test/property/event-prose.test.ts).
 */
import { decodeNamedCharacterReference } from 'decode-named-character-reference';
import { decodeNumericCharacterReference } from 'micromark-util-decode-numeric-character-reference';
import { normalizeIdentifier } from 'micromark-util-normalize-identifier';
import type { Event, Point, Token, TokenizeContext } from 'micromark-util-types';
import { addComment, addSegment, type InlineNode } from './inline-prose.ts';
import type { ProseDocument, SegmentKind } from './prose.ts';

/** The last block at the top level, which decides whether appended text would be swallowed. */
export interface LastBlock {
  type: 'code' | 'html' | 'other';
  start: number;
  end: number;
}

interface Node extends InlineNode {
  children?: Node[];
  position: { start: Point; end: Point };
  /** A link with a `(destination)`; without one it is a reference. */
  resource?: boolean;
}

/** A list (whose current item is what matters) or a blockquote, for task list items. */
interface Container {
  list: boolean;
  /** The current item's first paragraph opened with `[ ]` or `[x]`. */
  checked: boolean;
  /** The current item has had a paragraph. */
  paragraph: boolean;
}

/** Where mdast-util-from-markdown keeps a line ending as text (other places drop it). */
const KEEPS_LINE_ENDINGS = new Set([
  'emphasis',
  'fragment',
  'heading',
  'paragraph',
  'strong',
  'delete',
]);

/** Not nodes: what lies between the top-level blocks. */
const BETWEEN_BLOCKS = new Set(['lineEnding', 'lineEndingBlank', 'linePrefix', 'whitespace']);

/** Fills `doc` with the prose of `source`, given micromark's events for it. */
export function proseFromEvents(source: string, events: Event[], doc: ProseDocument): LastBlock {
  return new FlowWalker(source, events, doc).walk();
}

/** The index of the exit event of the token entered at `i`. */
function exitOf(events: Event[], i: number): number {
  const token = (events[i] as Event)[1];
  let j = i + 1;
  while (j < events.length && (events[j] as Event)[1] !== token) j++;
  return j;
}

class FlowWalker {
  private quoted = 0;
  private readonly containers: Container[] = [];
  private last: LastBlock = { type: 'other', start: 0, end: 0 };

  constructor(
    private readonly source: string,
    private readonly events: Event[],
    private readonly doc: ProseDocument,
  ) {}

  walk(): LastBlock {
    const events = this.events;
    let depth = 0;
    for (let i = 0; i < events.length; i++) {
      const [kind, token] = events[i] as Event;
      const type: string = token.type;
      if (kind === 'exit') {
        depth--;
        if (type === 'blockQuote') this.quoted--;
        if (type === 'blockQuote' || type === 'listOrdered' || type === 'listUnordered')
          this.containers.pop();
        continue;
      }
      if (depth === 0 && !BETWEEN_BLOCKS.has(type)) this.last = lastBlock(type, token);
      const j = this.block(type, i);
      if (j === i) depth++;
      else i = j;
    }
    return this.last;
  }

  /** Handles the block entered at `i`; returns the index of its exit, or `i` to walk into it. */
  private block(type: string, i: number): number {
    const events = this.events;
    switch (type) {
      case 'paragraph':
        return this.paragraph(i);
      case 'atxHeading':
      case 'setextHeading':
        return this.segment('heading', i);
      case 'tableHeader':
      case 'tableData':
        return this.segment('cell', i);
      case 'htmlFlow': {
        const j = exitOf(events, i);
        const token = (events[i] as Event)[1];
        addComment(collect(events, i, j, 'htmlFlowData'), node('html', token), this.doc);
        return j;
      }
      case 'yaml': {
        const j = exitOf(events, i);
        const value = collect(events, i, j, 'yamlValue').replace(/^(\r?\n|\r)|(\r?\n|\r)$/g, '');
        this.doc.frontMatter = { value, start: (events[i] as Event)[1].start.offset };
        return j;
      }
      case 'gfmFootnoteDefinition': {
        // The bibliography is not prose to check.
        const j = exitOf(events, i);
        for (let k = i + 1; k < j; k++) {
          const [kind, token, context] = events[k] as Event;
          if (kind === 'enter' && token.type === 'gfmFootnoteDefinitionLabelString') {
            this.doc.footnoteLabels.add(
              normalizeIdentifier(context.sliceSerialize(token)).toLowerCase(),
            );
            break;
          }
        }
        return j;
      }
      case 'codeFenced':
      case 'codeIndented':
      case 'definition':
      case 'thematicBreak':
      case 'toml':
        return exitOf(events, i);
      case 'blockQuote':
        this.quoted++;
        this.containers.push({ list: false, checked: false, paragraph: false });
        return i;
      case 'listOrdered':
      case 'listUnordered':
        this.containers.push({ list: true, checked: false, paragraph: false });
        return i;
      case 'listItemPrefix': {
        // A new item of the innermost list.
        const list = this.containers[this.containers.length - 1];
        if (list) {
          list.checked = false;
          list.paragraph = false;
        }
        return exitOf(events, i);
      }
      default:
        return i;
    }
  }

  private paragraph(i: number): number {
    const j = exitOf(this.events, i);
    const inline = new InlineWalker(this.events, 'paragraph');
    const children = inline.walk(i + 1, j);
    const parent = this.containers[this.containers.length - 1];
    if (parent?.list) {
      // mdast-util-gfm-task-list-item drops the space after `[x]` from the item's first
      // paragraph (a check always opens the first content of an item).
      if (inline.checked) parent.checked = true;
      if (parent.checked && !parent.paragraph) dropFirstCharacter(children);
      parent.paragraph = true;
    }
    this.add('paragraph', i, j, children);
    return j;
  }

  private segment(kind: SegmentKind, i: number): number {
    const j = exitOf(this.events, i);
    const children = new InlineWalker(this.events, kind === 'cell' ? 'tableCell' : 'heading').walk(
      i + 1,
      j,
    );
    this.add(kind, i, j, children);
    return j;
  }

  private add(kind: SegmentKind, i: number, j: number, children: Node[]): void {
    const token = (this.events[i] as Event)[1];
    const end = (this.events[j] as Event)[1].end;
    addSegment(
      kind,
      { type: kind, children, position: { start: token.start, end } },
      this.source,
      this.doc,
      this.quoted > 0,
    );
  }
}

function lastBlock(type: string, token: Token): LastBlock {
  const start = token.start.offset;
  const end = token.end.offset;
  if (type === 'codeFenced' || type === 'codeIndented') return { type: 'code', start, end };
  if (type === 'htmlFlow') return { type: 'html', start, end };
  return { type: 'other', start, end };
}

function node(type: string, token: Token): Node {
  return { type, position: { start: token.start, end: token.end } };
}

function dropFirstCharacter(children: Node[]): void {
  const head = children[0];
  if (head?.type !== 'text') return;
  head.value = (head.value ?? '').slice(1);
  if (head.value.length === 0) children.shift();
  else {
    const start = head.position.start;
    head.position = {
      start: { ...start, column: start.column + 1, offset: start.offset + 1 },
      end: head.position.end,
    };
  }
}

/** The text of the `data` tokens and line endings between events `i` and `j`. */
function collect(events: Event[], i: number, j: number, data: string): string {
  let value = '';
  for (let k = i + 1; k < j; k++) {
    const [kind, token, context] = events[k] as Event;
    if (kind === 'exit' && (token.type === data || token.type === 'lineEnding'))
      value += context.sliceSerialize(token);
  }
  return value;
}

/**
 * The inline nodes of one paragraph, heading or table cell, made as mdast-util-from-markdown
 * makes them: adjacent text merges into one node, a label's content becomes the link's
 * children, the line ending after a hard break belongs to the break.
 */
class InlineWalker {
  /** The open nodes; the first is the block itself. */
  private readonly stack: Node[];
  /** The break whose line ending comes next. */
  private atHardBreak: Node | undefined;
  /** A setext heading's text has ended: its underline's line ending is not text. */
  private slurp = false;
  /** A numeric character reference's base, from its marker. */
  private characterReferenceType: string | undefined;
  /** A task list check (`[x]`) opened the block. */
  checked = false;

  constructor(
    private readonly events: Event[],
    blockType: string,
  ) {
    const block = { type: blockType, children: [] } as unknown as Node;
    this.stack = [block];
  }

  walk(from: number, to: number): Node[] {
    const events = this.events;
    for (let i = from; i < to; i++) {
      const [kind, token, context] = events[i] as Event;
      if (kind === 'enter') i = this.enter(token, i);
      else this.exit(token, context);
    }
    return (this.stack[0] as Node).children ?? [];
  }

  private get top(): Node {
    return this.stack[this.stack.length - 1] as Node;
  }

  /** Returns the index to go on from: a node read whole returns its exit. */
  private enter(token: Token, i: number): number {
    switch (token.type as string) {
      case 'data':
      case 'characterEscape':
      case 'characterReference':
      case 'autolinkProtocol':
      case 'autolinkEmail':
        this.enterData(token);
        return i;
      case 'emphasis':
        return this.open('emphasis', token, i);
      case 'strong':
        return this.open('strong', token, i);
      case 'strikethrough':
        return this.open('delete', token, i);
      case 'link':
      case 'autolink':
        this.open('link', token, i);
        this.top.url = '';
        return i;
      case 'label':
      case 'resourceDestinationString':
      case 'resourceTitleString':
      case 'referenceString':
        // What mdast-util-from-markdown buffers: read into a fragment, used on exit.
        this.stack.push({ type: 'fragment', children: [] } as unknown as Node);
        return i;
      case 'resource':
        this.top.resource = true;
        return i;
      case 'hardBreakEscape':
      case 'hardBreakTrailing': {
        const br = node('break', token);
        this.append(br);
        this.atHardBreak = br;
        return exitOf(this.events, i);
      }
      case 'htmlText': {
        const j = exitOf(this.events, i);
        const html = node('html', token);
        html.value = collect(this.events, i, j, 'htmlTextData');
        this.append(html);
        return j;
      }
      case 'codeText':
        this.append(node('inlineCode', token));
        return exitOf(this.events, i);
      case 'image':
        this.append(node('image', token));
        return exitOf(this.events, i);
      case 'gfmFootnoteCall':
        this.append(node('footnoteReference', token));
        return exitOf(this.events, i);
      case 'taskListCheck':
        this.checked = true;
        return exitOf(this.events, i);
      default:
        return i;
    }
  }

  private exit(token: Token, context: TokenizeContext): void {
    switch (token.type as string) {
      case 'data':
      case 'characterEscapeValue':
        return this.exitData(token, context.sliceSerialize(token));
      case 'autolinkProtocol': {
        const slice = context.sliceSerialize(token);
        this.exitData(token, slice);
        this.top.url = slice;
        return;
      }
      case 'autolinkEmail': {
        const slice = context.sliceSerialize(token);
        this.exitData(token, slice);
        this.top.url = `mailto:${slice}`;
        return;
      }
      case 'characterReferenceMarkerNumeric':
      case 'characterReferenceMarkerHexadecimal':
        this.characterReferenceType = token.type;
        return;
      case 'characterReferenceValue':
        this.tail().value += this.decodeReference(context.sliceSerialize(token));
        return;
      case 'characterReference':
        this.tail().position.end = token.end;
        return;
      case 'lineEnding':
        return this.lineEnding(token, context);
      case 'setextHeadingText':
        this.slurp = true;
        return;
      case 'emphasis':
      case 'strong':
      case 'strikethrough':
      case 'autolink':
        this.stack.pop();
        return;
      case 'label': {
        const fragment = this.stack.pop() as Node;
        this.top.children = fragment.children;
        return;
      }
      case 'resourceDestinationString': {
        const fragment = this.stack.pop() as Node;
        this.top.url = (fragment.children ?? []).map((c) => c.value ?? '').join('');
        return;
      }
      case 'resourceTitleString':
      case 'referenceString':
        this.stack.pop();
        return;
      case 'link': {
        const link = this.stack.pop() as Node;
        if (!link.resource) link.type = 'linkReference';
        return;
      }
      default:
        return;
    }
  }

  private decodeReference(slice: string): string {
    const type = this.characterReferenceType;
    this.characterReferenceType = undefined;
    if (type === 'characterReferenceMarkerNumeric')
      return decodeNumericCharacterReference(slice, 10);
    if (type === 'characterReferenceMarkerHexadecimal')
      return decodeNumericCharacterReference(slice, 16);
    return decodeNamedCharacterReference(slice) || '';
  }

  private lineEnding(token: Token, context: TokenizeContext): void {
    if (this.atHardBreak) {
      this.atHardBreak.position = { start: this.atHardBreak.position.start, end: token.end };
      this.atHardBreak = undefined;
      return;
    }
    if (!this.slurp && KEEPS_LINE_ENDINGS.has(this.top.type)) {
      this.enterData(token);
      this.exitData(token, context.sliceSerialize(token));
    }
  }

  private open(type: string, token: Token, i: number): number {
    const opened: Node = { type, children: [], position: { start: token.start, end: token.end } };
    this.append(opened);
    this.stack.push(opened);
    return i;
  }

  private append(child: Node): void {
    (this.top.children ??= []).push(child);
  }

  /** The text node data goes into: the open one, or a new one. */
  private enterData(token: Token): void {
    const siblings = (this.top.children ??= []);
    const tail = siblings[siblings.length - 1];
    if (tail?.type !== 'text')
      siblings.push({ type: 'text', value: '', position: { start: token.start, end: token.end } });
  }

  private tail(): Node {
    const siblings = this.top.children ?? [];
    return siblings[siblings.length - 1] as Node;
  }

  private exitData(token: Token, slice: string): void {
    const tail = this.tail();
    tail.value += slice;
    tail.position.end = token.end;
  }
}
