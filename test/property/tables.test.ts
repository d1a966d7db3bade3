/**
 * The parser skips GFM's table extension for text that cannot hold a table (parse.ts,
 * mayHaveTable): a pipe, or a colon beside a dash for a one-column table without pipes. Here a
 * parser that always has the extension is the oracle, on random heads and delimiter-like rows.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { Nodes } from 'mdast';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import remarkParse from 'remark-parse';
import { unified, type Processor } from 'unified';
import { mayHaveTable, parseMarkdown } from '../../server/src/engine/parse.ts';
import { runs } from './runs.ts';

const alwaysTables = unified()
  .use(remarkParse)
  .use(function (this: Processor) {
    const data = this.data();
    (data.micromarkExtensions ??= []).push(gfmTable());
    (data.fromMarkdownExtensions ??= []).push(gfmTableFromMarkdown());
  });

const hasTable = (n: Nodes): boolean =>
  n.type === 'table' || ('children' in n && n.children.some(hasTable));

const head = fc.constantFrom('a', 'a b', '> a', '- a', '  a', 'a\\', '*a*', '# a', '1. a');
const row = fc
  .array(fc.constantFrom(' ', '-', '-', '-', ':', '\t', '>', '*', '=', '+', '|'), {
    minLength: 1,
    maxLength: 8,
  })
  .map((chars) => chars.join(''));

describe('tables only where the text can hold one', () => {
  it('every table found with the extension is in text mayHaveTable accepts', () => {
    let tables = 0;
    fc.assert(
      fc.property(head, row, fc.constantFrom('', 'b\n'), (h, r, tail) => {
        const text = `${h}\n${r}\n${tail}`;
        if (!hasTable(alwaysTables.parse(text))) return;
        tables++;
        assert.ok(mayHaveTable(text), JSON.stringify(text));
        assert.ok(hasTable(parseMarkdown(text, 'markdown').tree), JSON.stringify(text));
      }),
      runs(20_000),
    );
    assert.ok(tables > 200, `only ${tables} tables generated`);
  });

  it('a one-column table without pipes', () => {
    assert.ok(hasTable(parseMarkdown('Ketamine cures depression.\n:---\n', 'markdown').tree));
    assert.ok(!hasTable(parseMarkdown('Ketamine cures depression.\n---\n', 'markdown').tree));
  });
});
