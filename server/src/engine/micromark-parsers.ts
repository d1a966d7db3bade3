/**
 * micromark parsers reused from one document to the next.
 *
 * micromark's `parse` merges every syntax extension into one table of constructs each time it is
 * called: once per draft in the CLI, once per edited block in the server. Here that table
 * depends on a document only through the characters the table construct is offered at
 * (tables.ts), so one parser is made per such key and reused for every document with the same
 * key; where tables may be is handed to the construct per document instead.
 *
 * A parser also holds one document's state: the definitions seen (`defined`), the lazy lines
 * (`lazy`) and what extensions add (GFM's footnotes add `gfmFootnotes`). Before each reuse
 * `defined` and `lazy` start empty again and every key the parser did not have when it was made
 * is cleared, so a document never sees another's definitions.
 */
import { parse } from 'micromark';
import type { Extension, ParseContext } from 'micromark-util-types';
import { tableExtension, tablePlaces, type CurrentPlaces, type TablePlaces } from './tables.ts';

interface Reusable {
  parser: ParseContext;
  current: CurrentPlaces;
  ownKeys: Set<string>;
}

/** Enough for any real mix of documents; past it the parsers are simply made again. */
const MAX_PARSERS = 32;

/** What the combined constructs depend on: whether and at which characters tables are tried. */
function tableKey(places: TablePlaces): string {
  if (places.delimiterLines.size === 0) return 'none';
  if (places.firstCodes === null) return 'anywhere';
  return [...places.firstCodes].sort((a, b) => a - b).join(',');
}

/**
 * A function that gives a parser for a document's text, ready for `.document()`: `syntax` (the
 * extensions besides tables, the same for every document) and the table construct the text
 * needs.
 */
export function reusableParsers(syntax: Extension[]): (text: string) => ParseContext {
  const parsers = new Map<string, Reusable>();

  function make(places: TablePlaces): Reusable {
    const current: CurrentPlaces = { places };
    const tables =
      places.delimiterLines.size === 0 ? [] : [tableExtension(places.firstCodes, current)];
    const parser = parse({ extensions: [...syntax, ...tables] });
    return { parser, current, ownKeys: new Set(Object.keys(parser)) };
  }

  return (text) => {
    const places = tablePlaces(text);
    const key = tableKey(places);
    let reusable = parsers.get(key);
    if (reusable === undefined) {
      if (parsers.size >= MAX_PARSERS) parsers.clear();
      reusable = make(places);
      parsers.set(key, reusable);
      return reusable.parser;
    }
    const { parser, current, ownKeys } = reusable;
    const state = parser as unknown as Record<string, unknown>;
    // Set to undefined rather than deleted, which would make V8 slow down every later access.
    for (const name of Object.keys(state)) if (!ownKeys.has(name)) state[name] = undefined;
    parser.defined = [];
    parser.lazy = {};
    current.places = places;
    return parser;
  };
}
