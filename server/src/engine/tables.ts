/**
 * GFM's table construct, tried only where a table can start or go on.
 *
 * micromark tries the table tokenizer at the start of every line of flow content, and it reads
 * the whole line as a possible head row before it looks at the next line for the delimiter row
 * (`| --- | :-: |`) that every table needs. A delimiter row holds only dashes, pipes, colons and
 * whitespace after any block-quote markers, with a dash and a pipe or colon (without either it is
 * a thematic break or a setext underline). So one pass over the text finds those lines, and the
 * tokenizer is offered only to lines that start with a character some possible table row starts
 * with (keyed by character, after micromark's own constructs for it, where it stood before), and
 * it fails at once unless the line is just before a delimiter-like line or follows a table row,
 * as its own start state decides. Elsewhere it would have failed after reading the line.
 * The tables are then resolved by table-events.ts, not by GFM's resolver.
 */
import { gfmTable } from 'micromark-extension-gfm-table';
import { codes } from 'micromark-util-symbol';
import type { Construct, Event, Extension, Tokenizer } from 'micromark-util-types';
import { resolveTables } from './table-events.ts';

/** Where possible tables are: delimiter-like lines (1-based), and what table rows start with. */
export interface TablePlaces {
  delimiterLines: Set<number>;
  /**
   * Codes of the characters a possible head or body row's flow content starts with (and of the
   * block-quote markers and whitespace before it); null when some such line may start inside a
   * list item or footnote definition, whose markers this pass does not parse.
   */
  firstCodes: Set<number> | null;
}

interface Line {
  start: number;
  end: number;
}

function linesOf(text: string): Line[] {
  if (!text.includes('\r')) return lfLinesOf(text);
  const lines: Line[] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    const code = i < text.length ? text.charCodeAt(i) : codes.lf;
    if (code !== codes.lf && code !== codes.cr) continue;
    lines.push({ start, end: i });
    // \r\n is one line ending, as micromark counts lines.
    if (code === codes.cr && text.charCodeAt(i + 1) === codes.lf) i++;
    start = i + 1;
  }
  return lines;
}

/** `linesOf` for text without CR, found natively instead of testing every character. */
function lfLinesOf(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (let end = text.indexOf('\n'); end >= 0; end = text.indexOf('\n', start)) {
    lines.push({ start, end });
    start = end + 1;
  }
  lines.push({ start, end: text.length });
  return lines;
}

const isPrefix = (code: number) =>
  code === codes.space || code === codes.ht || code === codes.greaterThan;

/** `-`, `+`, `*`, a digit or `[`: a list item or footnote definition may start here. */
const mayOpenContainer = (code: number) =>
  code === codes.dash ||
  code === codes.plusSign ||
  code === codes.asterisk ||
  code === codes.leftSquareBracket ||
  (code >= codes.digit0 && code <= codes.digit9);

function isDelimiterLike(text: string, { start, end }: Line): boolean {
  let dash = false;
  let pipeOrColon = false;
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code === codes.dash) dash = true;
    else if (code === codes.verticalBar || code === codes.colon) pipeOrColon = true;
    else if (!isPrefix(code)) return false;
  }
  return dash && pipeOrColon;
}

export function tablePlaces(text: string): TablePlaces {
  const lines = linesOf(text);
  const delimiterLines = new Set<number>();
  let firstCodes: Set<number> | null = new Set<number>();
  /** Adds the codes a line's flow content may be keyed by; false for a blank line. */
  const addFirstCodes = ({ start, end }: Line): boolean => {
    let i = start;
    for (; i < end && isPrefix(text.charCodeAt(i)); i++) firstCodes?.add(text.charCodeAt(i));
    if (i === end) return false;
    const code = text.charCodeAt(i);
    if (mayOpenContainer(code)) firstCodes = null;
    firstCodes?.add(code);
    return true;
  };
  lines.forEach((line, index) => {
    if (!isDelimiterLike(text, line)) return;
    delimiterLines.add(index + 1);
    const head = lines[index - 1];
    if (head) addFirstCodes(head);
    // Body rows follow until a blank line ends the table. (The delimiter row itself is read by
    // the attempt that starts at the head row.)
    for (let next = index + 1; next < lines.length; next++)
      if (!addFirstCodes(lines[next] as Line)) break;
  });
  return { delimiterLines, firstCodes };
}

/** Whether the last flow content before this line is a table's head or row. */
function followsTableRow(events: Event[]): boolean {
  let index = events.length - 1;
  while (index >= 0) {
    const type = events[index]?.[1].type;
    if (type !== 'lineEnding' && type !== 'linePrefix')
      return type === 'tableHead' || type === 'tableRow';
    index--;
  }
  return false;
}

/** Where tables may be in the document being parsed: set before each document's parse. */
export interface CurrentPlaces {
  places: TablePlaces;
}

/**
 * The table construct offered at `firstCodes` (everywhere when null), trying only where
 * `current.places` says a table may start or go on. `current` may change between documents
 * whose places have the same first codes, so one parser serves them all (micromark-parsers.ts).
 */
export function tableExtension(firstCodes: Set<number> | null, current: CurrentPlaces): Extension {
  const table = (gfmTable().flow as Record<string, Construct>)['null'] as Construct;
  const construct: Construct = { ...table, resolveAll: resolveTables };
  const tokenize: Tokenizer = function (effects, ok, nok) {
    if (current.places.delimiterLines.has(this.now().line + 1) || followsTableRow(this.events))
      return construct.tokenize.call(this, effects, ok, nok);
    return nok;
  };
  if (firstCodes === null) return { flow: { null: { ...construct, tokenize } } };
  // One object for every key: micromark runs a construct's resolveAll once per construct.
  const keyed: Construct = { ...construct, tokenize, add: 'after' };
  return { flow: Object.fromEntries([...firstCodes].map((code) => [code, keyed])) };
}

/** The table extension for one document, `text`: none when it has no delimiter-like line. */
export function tablesWhereTheyCanBe(text: string): Extension {
  const places = tablePlaces(text);
  if (places.delimiterLines.size === 0) return {};
  return tableExtension(places.firstCodes, { places });
}
