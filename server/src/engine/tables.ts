/**
 * GFM's table construct, tried only on lines where a table can start or go on.
 *
 * micromark tries the table tokenizer at the start of every line of flow content, and it reads
 * the whole line as a possible head row before it looks at the next line for the delimiter row
 * (`| --- | :-: |`) that every table needs: ~60% more parse time for a post with one table. A
 * head row is the line just before a delimiter row, and a delimiter row holds only pipes,
 * colons, dashes and whitespace, after any block-quote markers. So one pass over the text finds
 * the lines that could follow a head row, and the tokenizer is only let start on the line before
 * one of them, or right after a row of a table already open (a body row), as its own start
 * state decides. Everything else fails at once, as the tokenizer would have failed after reading.
 */
import { gfmTable } from 'micromark-extension-gfm-table';
import type { Construct, Event, Extension, Tokenizer } from 'micromark-util-types';

/** 1-based numbers of the lines that hold only `|`, `:`, `-`, `>`, spaces and tabs, and a `-`. */
export function delimiterLikeLines(text: string): Set<number> {
  const lines = new Set<number>();
  let line = 1;
  let dash = false;
  let other = false;
  for (let i = 0; i <= text.length; i++) {
    const code = i < text.length ? text.charCodeAt(i) : 10;
    if (code === 10 || code === 13) {
      if (dash && !other) lines.add(line);
      // \r\n is one line ending, as micromark counts lines.
      if (code === 13 && text.charCodeAt(i + 1) === 10) i++;
      line++;
      dash = false;
      other = false;
    } else if (code === 45) dash = true;
    else if (code !== 124 && code !== 58 && code !== 62 && code !== 32 && code !== 9) other = true;
  }
  return lines;
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

/** The table extension for one document, `text`. */
export function tablesWhereTheyCanBe(text: string): Extension {
  const rows = delimiterLikeLines(text);
  const construct = (gfmTable().flow as Record<string, Construct>)['null'] as Construct;
  const tokenize: Tokenizer = function (effects, ok, nok) {
    if (rows.has(this.now().line + 1) || followsTableRow(this.events))
      return construct.tokenize.call(this, effects, ok, nok);
    return nok;
  };
  return { flow: { null: { ...construct, tokenize } } };
}
