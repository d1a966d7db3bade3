/**
 * GFM tables, left lighter by their resolver for the passes that read events after it.
 *
 * The benchmark posts' 126 small tables were ~6% of the CLI's instructions (0.43 G of 6.9 G;
 * the floor parses no tables): the table resolver leaves ~190 events per table, which every
 * later pass walks (micromark's subtokenize, four times; then the prose walker), and micromark
 * gives each cell a text tokenizer of its own. Neither mdast-util-from-markdown with
 * mdast-util-gfm-table nor the prose walker reads the cell dividers, the whitespace, the
 * delimiter row or the cell-content wrappers, so those events go; and a cell whose text holds no
 * character that can start a text construct becomes the one data token micromark's text
 * tokenizer would make of it. test/property/tables.test.ts compares the trees with those of
 * the plain extension.
 */
import type { Chunk, ConstructRecord, Event, Token } from 'micromark-util-types';

/** Table events that no reader of the events looks at. */
const UNREAD = new Set([
  'tableCellDivider',
  'whitespace',
  'tableDelimiterRow',
  'tableDelimiter',
  'tableDelimiterMarker',
  'tableDelimiterFiller',
  'tableContent',
]);

/** Drops the unread events of every table in `events` and reads plain cells as data, in place. */
export function lightenTables(events: Event[], textConstructs: ConstructRecord): void {
  let inTable = false;
  let kept = 0;
  for (let i = 0; i < events.length; i++) {
    const event = events[i] as Event;
    const type = event[1].type;
    if (type === 'table') inTable = event[0] === 'enter';
    else if (inTable && UNREAD.has(type)) continue;
    else if (inTable && type === 'chunkText' && event[0] === 'enter') {
      const exit = events[i + 1];
      if (exit?.[0] === 'exit' && isPlain(event[2].sliceStream(event[1]), textConstructs)) {
        const data = asData(event[1]);
        events[kept++] = ['enter', data, event[2]];
        events[kept++] = ['exit', data, exit[2]];
        i++;
        continue;
      }
    }
    events[kept++] = event;
  }
  events.length = kept;
}

/**
 * Whether micromark's text tokenizer reads these chunks (what it would be given) as one run of
 * data: it ends data only at a character that some text construct starts with.
 */
function isPlain(chunks: Chunk[], textConstructs: ConstructRecord): boolean {
  for (const chunk of chunks) {
    if (typeof chunk !== 'string') {
      if (chunk === null || textConstructs[chunk] !== undefined) return false;
      continue;
    }
    for (let i = 0; i < chunk.length; i++)
      if (textConstructs[chunk.charCodeAt(i)] !== undefined) return false;
  }
  return true;
}

/** The data token for a cell's text: its points are the flow tokenizer's, as is its context. */
function asData(cell: Token): Token {
  return { type: 'data', start: cell.start, end: cell.end };
}
