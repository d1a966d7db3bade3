/**
 * The parser lets GFM's table tokenizer start only on the line before a delimiter-like line or
 * after a table row (engine/tables.ts). Here a parser with the plain extension is the oracle: on
 * random documents built from table-ish lines, containers and line endings, both must give the
 * same tree, positions included. That also checks the lighter events the table resolver leaves
 * (engine/table-events.ts), since the tree is built from them.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { Nodes } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item';
import { frontmatter } from 'micromark-extension-frontmatter';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import { markdownEvents, parseMarkdown } from '../../server/src/engine/parse.ts';
import { tablePlaces } from '../../server/src/engine/tables.ts';
import { runs } from './runs.ts';

function oracle(text: string) {
  return fromMarkdown(text, {
    extensions: [
      frontmatter(['yaml', 'toml']),
      gfmFootnote(),
      gfmStrikethrough(),
      gfmTaskListItem(),
      gfmTable(),
    ],
    mdastExtensions: [
      frontmatterFromMarkdown(['yaml', 'toml']),
      gfmFootnoteFromMarkdown(),
      gfmStrikethroughFromMarkdown(),
      gfmTableFromMarkdown(),
      gfmTaskListItemFromMarkdown(),
    ],
  });
}

const countTables = (n: Nodes): number =>
  (n.type === 'table' ? 1 : 0) +
  ('children' in n ? n.children.reduce((sum, c) => sum + countTables(c), 0) : 0);

const prefix = fc.constantFrom(
  '',
  '',
  '',
  '> ',
  '>',
  '  ',
  '- ',
  '1. ',
  '    ',
  '\t',
  '> > ',
  '   ',
);
const content = fc.constantFrom(
  'a | b',
  '| a | b |',
  '| a |',
  'a',
  'Ketamine cures depression.',
  '|',
  '| --- | --- |',
  '|---|---|',
  '--- | ---',
  ':-- | --:',
  ':---:',
  '| - |',
  '---',
  '-',
  '===',
  '```',
  '# a | b',
  '[^1]: a | b',
  '* a',
  '| a \\| b |',
  '~~a~~ | b',
  '[ ] a | b',
  '',
);
const ending = fc.constantFrom('\n', '\n', '\n', '\r\n', '\r');
const line = fc.tuple(prefix, content, ending).map(([p, c, e]) => p + c + e);
/** Cells with and without inline syntax: plain ones skip micromark's text tokenizer. */
const row = fc.constantFrom(
  'c | d',
  '| c |',
  'c',
  '|',
  '',
  '| 1 | 30 min |',
  '*c* | `d`',
  '| c\\|d | e&amp;f |',
  '[c](d) | ~~e~~',
  'c\td | <e>',
  'c ! d | _e_',
  '| c [^1] | d] |',
  '| | c |',
  'c || d',
  '|| c',
);
/** A head row and a delimiter row in the same container, and maybe body rows: a likely table. */
const table = fc
  .tuple(
    prefix,
    fc.constantFrom('a | b', '| a | b |', '| a |', 'a', '| *a* | b\tc |', 'a & b | `c`'),
    fc.constantFrom('| --- | --- |', '--- | ---', ':-- | --:', '| - |', ':-:', '---'),
    fc.array(row, { maxLength: 3 }),
    ending,
  )
  .map(([p, head, delimiter, body, e]) =>
    [head, delimiter, ...body].map((l, i) => (i < 2 || l ? p : '') + l + e).join(''),
  );
const document = fc
  .array(fc.oneof(line, table), { minLength: 1, maxLength: 8 })
  .map((parts) => parts.join(''));

describe('tables only where a table can start or go on', () => {
  it('parses every document as the plain table extension does', () => {
    let tables = 0;
    let keyed = 0;
    fc.assert(
      fc.property(document, (text) => {
        const expected = oracle(text);
        tables += countTables(expected);
        // Tables found where the construct is keyed by first characters, not tried on every line.
        if (tablePlaces(text).firstCodes !== null) keyed += countTables(expected);
        assert.deepEqual(parseMarkdown(text, 'markdown').tree, expected, JSON.stringify(text));
      }),
      runs(6_000),
    );
    assert.ok(tables > 1_000, `only ${tables} tables generated`);
    assert.ok(keyed > 300, `only ${keyed} tables generated with keyed first characters`);
  });

  it('counts lines as micromark does, and knows what rows start with', () => {
    const lines = (text: string) => [...tablePlaces(text).delimiterLines];
    assert.deepEqual(lines('a\r\n|-|\rb\n> :-: |\n---\n- a\n'), [2, 4]);
    assert.deepEqual(lines('| a |\n| - |'), [2]);
    const codes = (text: string) =>
      [...(tablePlaces(text).firstCodes ?? [])].map((c) => String.fromCharCode(c)).sort();
    assert.deepEqual(codes('x\n\nA | b\n--|--\n> c\n\nd\n'), ['>', ' ', 'A', 'c'].sort());
    assert.deepEqual(codes('no table here\n'), []);
    // A row that may sit in a list item or footnote definition: any line may hold a table.
    assert.equal(tablePlaces('- a | b\n  --|--\n').firstCodes, null);
    assert.equal(tablePlaces('a | b\n--|--\n1. c\n').firstCodes, null);
  });

  it('leaves lighter events: no dividers or delimiter row, plain cells as data', () => {
    const events = markdownEvents('| a b | *c* |\n| --- | :-: |\n| 30 min | d&amp; |\n');
    const types: string[] = events
      .filter(([kind]) => kind === 'enter')
      .map(([, token]) => token.type);
    for (const unread of ['tableCellDivider', 'whitespace', 'tableDelimiterRow', 'tableContent'])
      assert.ok(!types.includes(unread), unread);
    // Plain cells hold one data token; the others keep what the text tokenizer made.
    const cellTexts = events
      .filter(([kind, token]) => kind === 'enter' && token.type === 'data')
      .map(([, token, context]) => context.sliceSerialize(token));
    assert.deepEqual(cellTexts, ['a b', 'c', '30 min', 'd']);
    assert.ok(types.includes('emphasis') && types.includes('characterReference'));
  });

  it('a one-column table without pipes', () => {
    const parse = (text: string) => countTables(parseMarkdown(text, 'markdown').tree);
    assert.equal(parse('Ketamine cures depression.\n:---\n'), 1);
    assert.equal(parse('Ketamine cures depression.\n---\n'), 0);
    assert.equal(parse('> a | b\n> --|--\n> c | d\n'), 1);
  });
});
