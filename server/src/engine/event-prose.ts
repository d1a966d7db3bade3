/**
 * The prose of a Markdown document read straight from micromark's events, without building the
 * syntax tree: a third of the parse went into `mdast-util-from-markdown` making nodes (and their
 * positions) for code, lists and definitions that prose never reads. Each segment's inline nodes
 * are made as `mdast-util-from-markdown` would make them (same values, same positions; see
 * event-inline.ts) and read by the same walker as the tree's (inline-prose.ts).
 * A property test checks that both ways give the same prose (test/property/event-prose.test.ts).
 */
import { normalizeIdentifier } from 'micromark-util-normalize-identifier';
import type { Event, Token } from 'micromark-util-types';
import { collectText, eventNode, exitOf, InlineWalker, type EventNode } from './event-inline.ts';
import { addComment, addSegment } from './inline-prose.ts';
import type { ProseDocument, SegmentKind } from './prose.ts';

/** The last block at the top level, which decides whether appended text would be swallowed. */
export interface LastBlock {
  type: 'code' | 'html' | 'other';
  start: number;
  end: number;
}

/** A list (whose current item is what matters) or a blockquote, for task list items. */
interface Container {
  list: boolean;
  /** The current item's first paragraph opened with `[ ]` or `[x]`. */
  checked: boolean;
  /** The current item has had a paragraph. */
  paragraph: boolean;
}

/** Blocks that are mdast nodes; `content` only wraps paragraphs and definitions. */
export const BLOCK_NODES = new Set([
  'paragraph',
  'atxHeading',
  'setextHeading',
  'codeFenced',
  'codeIndented',
  'htmlFlow',
  'definition',
  'thematicBreak',
  'blockQuote',
  'listOrdered',
  'listUnordered',
  'table',
  'gfmFootnoteDefinition',
  'yaml',
  'toml',
]);

/** What a walk found besides the prose. */
export interface EventWalk {
  /** The last top-level block walked. */
  last: LastBlock;
  /** Its enter event, or -1 when nothing was walked. */
  lastIndex: number;
  /** The type of the first top-level block walked. */
  firstType?: string;
}

/**
 * Fills `doc` with the prose of `source`, given micromark's events for it (offsets in `source`,
 * which must not start with a byte-order mark: micromark drops it). With `own`, only the
 * top-level blocks that start in that range are walked.
 */
export function proseFromEvents(
  source: string,
  events: Event[],
  doc: ProseDocument,
  own?: { from: number; to: number },
): EventWalk {
  return new FlowWalker(source, events, doc, own).walk();
}

class FlowWalker {
  /** The open lists and blockquotes, innermost last. */
  private readonly containers: Container[] = [];
  private readonly found: EventWalk = { last: { type: 'other', start: 0, end: 0 }, lastIndex: -1 };

  constructor(
    private readonly source: string,
    private readonly events: Event[],
    private readonly doc: ProseDocument,
    private readonly own: { from: number; to: number } | undefined,
  ) {}

  walk(): EventWalk {
    const events = this.events;
    const own = this.own;
    let depth = 0;
    for (let i = 0; i < events.length; i++) {
      const event = events[i] as Event;
      const kind = event[0];
      const token = event[1];
      const type: string = token.type;
      if (kind === 'exit') {
        depth--;
        if (type === 'blockQuote' || type === 'listOrdered' || type === 'listUnordered')
          this.containers.pop();
        continue;
      }
      // Line endings, blank lines and indentation between blocks are not nodes.
      if (depth === 0 && (BLOCK_NODES.has(type) || type === 'content')) {
        const at = token.start.offset;
        if (own && (at < own.from || at >= own.to)) {
          i = exitOf(events, i);
          continue;
        }
        this.found.firstType ??= type;
        this.found.last = lastBlock(type, token);
        this.found.lastIndex = i;
      }
      const j = this.block(type, i);
      if (j === i) depth++;
      else i = j;
    }
    return this.found;
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
        addComment(collectText(events, i, j, 'htmlFlowData'), eventNode('html', token), this.doc);
        return j;
      }
      case 'yaml': {
        const j = exitOf(events, i);
        const value = collectText(events, i, j, 'yamlValue').replace(
          /^(\r?\n|\r)|(\r?\n|\r)$/g,
          '',
        );
        this.doc.frontMatter = { value, start: (events[i] as Event)[1].start.offset };
        return j;
      }
      case 'gfmFootnoteDefinition': {
        // The bibliography is not prose to check.
        const j = exitOf(events, i);
        for (let k = i + 1; k < j; k++) {
          const event = events[k] as Event;
          const kind = event[0];
          const token = event[1];
          const context = event[2];
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
    this.add('paragraph', i, children);
    return j;
  }

  private segment(kind: SegmentKind, i: number): number {
    const j = exitOf(this.events, i);
    const children = new InlineWalker(this.events, kind === 'cell' ? 'tableCell' : 'heading').walk(
      i + 1,
      j,
    );
    this.add(kind, i, children);
    return j;
  }

  private add(kind: SegmentKind, i: number, children: EventNode[]): void {
    const block = eventNode(kind, (this.events[i] as Event)[1]);
    block.children = children;
    // Inside a blockquote: somebody else's words.
    const quoted = this.containers.some((c) => !c.list);
    addSegment(kind, block, this.source, this.doc, quoted);
  }
}

function lastBlock(type: string, token: Token): LastBlock {
  const start = token.start.offset;
  const end = token.end.offset;
  if (type === 'codeFenced' || type === 'codeIndented') return { type: 'code', start, end };
  if (type === 'htmlFlow') return { type: 'html', start, end };
  return { type: 'other', start, end };
}

function dropFirstCharacter(children: EventNode[]): void {
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
