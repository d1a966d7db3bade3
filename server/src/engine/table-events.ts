/**
 * GFM tables' events, resolved in one pass into the light form this engine's readers need.
 *
 * The table tokenizer leaves rows of cell dividers, whitespace and data. GFM's own resolver
 * turns them into cells with an edit map (every cell's edits sorted and spliced in, then a
 * second scan of the document for each table's alignment), and every later pass walks the ~190
 * events per table it leaves; on the benchmark posts this pass and what it leaves cost 0.14 G
 * fewer instructions (docs/performance.md, twelfth round). Here each row is read once and
 * written as what mdast-util-from-markdown with mdast-util-gfm-table and the prose walker read:
 * the table, its head, body, rows and cells with GFM's positions, each cell's text one token.
 * The dividers, the whitespace, the delimiter row and the cell-content wrappers are left out,
 * and a cell whose text holds no character that can start a text construct (the parser's own
 * list) becomes the single data token micromark's text tokenizer would make of it, so it needs
 * no tokenizer of its own. test/property/tables.test.ts compares the trees with those of GFM's
 * resolver on random documents.
 */
import type {
  Chunk,
  ConstructRecord,
  Event,
  Point,
  Token,
  TokenizeContext,
} from 'micromark-util-types';

type Align = NonNullable<Token['_align']>[number];

type CellType = 'tableHeader' | 'tableData';

/** Resolves the tables in one flow tokenizer's events, in place (micromark holds the array). */
export function resolveTables(events: Event[], context: TokenizeContext): Event[] {
  let i = events.findIndex((event) => event[1].type === 'tableHead');
  if (i < 0) return events;
  const from = i;
  const out: Event[] = [];
  let table: Token | undefined;
  let body: Token | undefined;
  let inHead = false;
  /** Ends the table after the head or row that exits at `last`, unless a body row follows. */
  const endUnlessRowFollows = (last: number) => {
    let next = last + 1;
    while (next < events.length && isBetweenRows(events[next] as Event)) next++;
    if (isEnter(events[next], 'tableRow') || !table) return;
    const end = (events[last] as Event)[1].end;
    if (body) out.push(['exit', Object.assign(body, { end: { ...end } }), context]);
    out.push(['exit', Object.assign(table, { end: { ...end } }), context]);
    table = body = undefined;
  };
  while (i < events.length) {
    const event = events[i] as Event;
    const token = event[1];
    if (event[0] === 'enter' && token.type === 'tableHead') {
      table = { type: 'table', start: { ...token.start }, end: token.end };
      out.push(['enter', table, context], event);
      inHead = true;
    } else if (event[0] === 'exit' && token.type === 'tableHead') {
      out.push(event);
      inHead = false;
      endUnlessRowFollows(i);
    } else if (event[0] === 'enter' && token.type === 'tableDelimiterRow') {
      const exit = exitOf(events, i);
      if (table) table._align = alignments(events, i, exit, out);
      i = exit;
    } else if (event[0] === 'enter' && token.type === 'tableRow') {
      if (!inHead && !body) {
        body = { type: 'tableBody', start: { ...token.start }, end: token.end };
        out.push(['enter', body, context]);
      }
      const exit = exitOf(events, i);
      writeRow(events, i, exit, inHead ? 'tableHeader' : 'tableData', out);
      if (!inHead) endUnlessRowFollows(exit);
      i = exit;
    } else out.push(event);
    i++;
  }
  events.length = from;
  for (let k = 0; k < out.length; k++) events.push(out[k] as Event);
  return events;
}

/** Rows of one table are separated by line endings and indentation only (the tokenizer's rule). */
const isBetweenRows = (event: Event) =>
  event[1].type === 'lineEnding' || event[1].type === 'linePrefix';

const isEnter = (event: Event | undefined, type: string) =>
  event !== undefined && event[0] === 'enter' && event[1].type === type;

/** The index of the exit of the leaf-holding token entered at `enter` (rows hold no nesting). */
function exitOf(events: Event[], enter: number): number {
  const token = (events[enter] as Event)[1];
  let i = enter + 1;
  while ((events[i] as Event)[1] !== token) i++;
  return i;
}

/** A row's cells: divider-separated stretches of its events, as GFM's resolver splits them. */
interface Stretch {
  /** The event the stretch starts at: the row's first event, or the divider that opens it. */
  start: number;
  /** The first value event's enter and the last one's exit; -1 when the stretch has none. */
  first: number;
  last: number;
}

/**
 * Splits the row entered at `enter` and exited at `exit`. A divider before any value is the
 * row's leading pipe, not a split; the stretch after the last split is a cell only when it
 * holds a value or is the only one (a row of just `|` has one empty cell).
 */
function stretchesOf(events: Event[], enter: number, exit: number): Stretch[] {
  const stretches: Stretch[] = [];
  let current: Stretch = { start: enter + 1, first: -1, last: -1 };
  let leading = true;
  for (let i = enter + 1; i < exit; i++) {
    const event = events[i] as Event;
    const kind = event[0];
    const token = event[1];
    if (kind !== 'enter' && current.first >= 0 && isValue(token.type)) current.last = i;
    if (kind !== 'enter') continue;
    if (token.type === 'tableCellDivider') {
      if (!leading) {
        stretches.push(current);
        current = { start: i, first: -1, last: -1 };
      }
      leading = false;
    } else if (isValue(token.type)) {
      leading = false;
      if (current.first < 0) current.first = i;
    }
  }
  if (current.first >= 0 || stretches.length === 0) stretches.push(current);
  return stretches;
}

const isValue = (type: string) =>
  type === 'data' || type === 'tableDelimiterMarker' || type === 'tableDelimiterFiller';

/** Writes a head or body row: the row, each cell with its text as one token, nothing else. */
function writeRow(events: Event[], enter: number, exit: number, type: CellType, out: Event[]) {
  out.push(events[enter] as Event);
  const stretches = stretchesOf(events, enter, exit);
  for (let s = 0; s < stretches.length; s++) {
    const stretch = stretches[s] as Stretch;
    const next = stretches[s + 1];
    const event = events[stretch.start] as Event;
    const first = event[1];
    const context = event[2];
    const end: Point = next
      ? (events[next.start] as Event)[1].start
      : (events[exit] as Event)[1].end;
    const cell: Token = { type, start: { ...first.start }, end: { ...end } };
    out.push(['enter', cell, context]);
    for (let i = stretch.start; i < (next ? next.start : exit); i++) {
      const event = events[i] as Event;
      if (i === stretch.first) {
        const text = cellText(events, stretch, context);
        out.push(['enter', text, event[2]], ['exit', text, event[2]]);
        i = stretch.last;
      } else if (!DROPPED.has(event[1].type)) out.push(event);
    }
    out.push(['exit', cell, context]);
  }
  out.push(events[exit] as Event);
}

/** Row events that no reader looks at. */
const DROPPED = new Set(['tableCellDivider', 'whitespace']);

/**
 * A cell's text, from its first data to its last: GFM's resolver makes it a chunk of text for
 * micromark's text tokenizer; plain text is already the one data token that tokenizer would make.
 */
function cellText(events: Event[], { first, last }: Stretch, context: TokenizeContext): Token {
  const token = (events[first] as Event)[1];
  const lastToken = (events[last] as Event)[1];
  if (lastToken !== token) token.end = { ...lastToken.end };
  if (!isPlain(context.sliceStream(token), context.parser.constructs.text)) {
    token.type = 'chunkText';
    token.contentType = 'text';
  }
  return token;
}

/**
 * Whether micromark's text tokenizer reads these chunks as one run of data: it ends data only
 * at a character that some text construct starts with.
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

/**
 * The columns' alignment from the delimiter row entered at `enter`: a colon before the dashes
 * is left, after them right, on both sides center. The row itself is not kept; only what sits
 * in it besides its cells (indentation) is.
 */
function alignments(events: Event[], enter: number, exit: number, out: Event[]): Align[] {
  const align: Align[] = [];
  for (const { first, last } of stretchesOf(events, enter, exit)) {
    if (first < 0) continue;
    const left = (events[first] as Event)[1].type === 'tableDelimiterMarker';
    const right = (events[last] as Event)[1].type === 'tableDelimiterMarker';
    align.push(left ? (right ? 'center' : 'left') : right ? 'right' : 'none');
  }
  for (let i = enter + 1; i < exit; i++) {
    const event = events[i] as Event;
    if (!DELIMITER_ROW.has(event[1].type)) out.push(event);
  }
  return align;
}

/** What a delimiter row holds besides indentation. */
const DELIMITER_ROW = new Set([
  'tableCellDivider',
  'whitespace',
  'tableDelimiterMarker',
  'tableDelimiterFiller',
]);
