/**
 * One paragraph's, heading's or table cell's inline nodes made from micromark's events as
 * `mdast-util-from-markdown` makes them (its handlers, followed one by one), for the event
 * walker (event-prose.ts), plus the helpers both walk the events with.
 */
import { decodeNamedCharacterReference } from 'decode-named-character-reference';
import { decodeNumericCharacterReference } from 'micromark-util-decode-numeric-character-reference';
import type { Event, Point, Token, TokenizeContext } from 'micromark-util-types';
import type { InlineNode } from './inline-prose.ts';

export interface EventNode extends InlineNode {
  children?: EventNode[];
  position: { start: Point; end: Point };
  /** A link with a `(destination)`; without one it is a reference. */
  resource?: boolean;
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

/** The index of the exit event of the token entered at `i`. */
export function exitOf(events: Event[], i: number): number {
  const token = (events[i] as Event)[1];
  let j = i + 1;
  while (j < events.length && (events[j] as Event)[1] !== token) j++;
  return j;
}

export function eventNode(type: string, token: Token): EventNode {
  return { type, position: { start: token.start, end: token.end } };
}

/** The text of the `data` tokens and line endings between events `i` and `j`. */
export function collectText(events: Event[], i: number, j: number, data: string): string {
  let value = '';
  for (let k = i + 1; k < j; k++) {
    const event = events[k] as Event;
    const kind = event[0];
    const token = event[1];
    const context = event[2];
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
export class InlineWalker {
  /** The open nodes; the first is the block itself. */
  private readonly stack: EventNode[];
  /** The break whose line ending comes next. */
  private atHardBreak: EventNode | undefined;
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
    const block = { type: blockType, children: [] } as unknown as EventNode;
    this.stack = [block];
  }

  walk(from: number, to: number): EventNode[] {
    const events = this.events;
    for (let i = from; i < to; i++) {
      const event = events[i] as Event;
      const kind = event[0];
      const token = event[1];
      const context = event[2];
      if (kind === 'enter') i = this.enter(token, i);
      else this.exit(token, context);
    }
    return (this.stack[0] as EventNode).children ?? [];
  }

  private get top(): EventNode {
    return this.stack[this.stack.length - 1] as EventNode;
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
        this.open('emphasis', token);
        return i;
      case 'strong':
        this.open('strong', token);
        return i;
      case 'strikethrough':
        this.open('delete', token);
        return i;
      case 'link':
      case 'autolink':
        this.open('link', token).url = '';
        return i;
      case 'label':
      case 'resourceDestinationString':
      case 'resourceTitleString':
      case 'referenceString':
        // What mdast-util-from-markdown buffers: read into a fragment, used on exit.
        this.stack.push({ type: 'fragment', children: [] } as unknown as EventNode);
        return i;
      case 'resource':
        this.top.resource = true;
        return i;
      case 'hardBreakEscape':
      case 'hardBreakTrailing': {
        const br = eventNode('break', token);
        this.append(br);
        this.atHardBreak = br;
        return exitOf(this.events, i);
      }
      case 'htmlText': {
        const j = exitOf(this.events, i);
        const html = eventNode('html', token);
        html.value = collectText(this.events, i, j, 'htmlTextData');
        this.append(html);
        return j;
      }
      case 'codeText':
        this.append(eventNode('inlineCode', token));
        return exitOf(this.events, i);
      case 'image':
        this.append(eventNode('image', token));
        return exitOf(this.events, i);
      case 'gfmFootnoteCall':
        this.append(eventNode('footnoteReference', token));
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
        const fragment = this.stack.pop() as EventNode;
        this.top.children = fragment.children;
        return;
      }
      case 'resourceDestinationString': {
        const fragment = this.stack.pop() as EventNode;
        this.top.url = (fragment.children ?? []).map((c) => c.value ?? '').join('');
        return;
      }
      case 'resourceTitleString':
      case 'referenceString':
        this.stack.pop();
        return;
      case 'link': {
        const link = this.stack.pop() as EventNode;
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

  /** A node whose children come next: appended, and open until its exit. */
  private open(type: string, token: Token): EventNode {
    const opened = eventNode(type, token);
    opened.children = [];
    this.append(opened);
    this.stack.push(opened);
    return opened;
  }

  private append(child: EventNode): void {
    (this.top.children ??= []).push(child);
  }

  /** The text node data goes into: the open one, or a new one. */
  private enterData(token: Token): void {
    const siblings = (this.top.children ??= []);
    const tail = siblings[siblings.length - 1];
    if (tail?.type !== 'text')
      siblings.push({ type: 'text', value: '', position: { start: token.start, end: token.end } });
  }

  private tail(): EventNode {
    const siblings = this.top.children ?? [];
    return siblings[siblings.length - 1] as EventNode;
  }

  private exitData(token: Token, slice: string): void {
    const tail = this.tail();
    tail.value += slice;
    tail.position.end = token.end;
  }
}
