/**
 * The editor parses each block of a draft alone (engine/block-prose.ts), reading micromark's
 * events without a tree. The tree is the oracle here: the block's prose as `walkBlocks` reads it
 * from the tree of the same text, the stub definitions it makes, whether it ends inside code or
 * HTML (at any depth), whether text appended after it would be swallowed and whether it opens
 * with front matter, on random blocks, first or not, last or not, with and without stubs.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { Nodes, Root, RootContent } from 'mdast';
import { parseBlock, withStubs, type BlockProse } from '../../server/src/engine/block-prose.ts';
import { parseMarkdown } from '../../server/src/engine/parse.ts';
import {
  emptyProse,
  shiftProse,
  swallowsAppendedText,
  walkBlocks,
} from '../../server/src/engine/prose.ts';
import { runs } from './runs.ts';

/** parseBlock as it was written against the tree. */
function parseBlockFromTree(
  source: string,
  first: boolean,
  last: boolean,
  stubs: string,
): BlockProse {
  const { parsed, before: from } = withStubs(source, first, stubs);
  const tree = parseMarkdown(parsed, 'markdown').tree;
  const to = from + source.length;
  const own = tree.children.filter((n) => {
    const at = n.position?.start.offset;
    return at !== undefined && at >= from && at < to;
  });
  const walked = emptyProse();
  for (const node of own) walkBlocks(node, parsed, walked, false);
  const doc = shiftProse(walked, -from);
  const definitions: string[] = [];
  for (const node of own) collectDefinitions(node, definitions);
  const lastNode = own[own.length - 1];
  const root: Root = { type: 'root', children: own };
  return {
    segments: doc.segments,
    comments: doc.comments,
    // Front matter only ever opens the first block, where nothing comes before it.
    frontMatter: walked.frontMatter,
    footnoteLabels: [...doc.footnoteLabels],
    definitions,
    endsOpen: lastNode !== undefined && endsInCodeOrHtml(lastNode),
    openEnd: last ? swallowsAppendedText(root, parsed, 'markdown') : false,
    hasFrontMatter: own[0]?.type === 'yaml' || (own[0]?.type as string | undefined) === 'toml',
  };
}

function endsInCodeOrHtml(node: Nodes): boolean {
  let n: Nodes | undefined = node;
  while (n) {
    if (n.type === 'code' || n.type === 'html') return true;
    const children: RootContent[] | undefined = 'children' in n ? n.children : undefined;
    n = children?.[children.length - 1];
  }
  return false;
}

function collectDefinitions(node: Nodes, out: string[]): void {
  if (node.type === 'definition') out.push(`[${node.label ?? node.identifier}]: x\n\n`);
  else if (node.type === 'footnoteDefinition')
    out.push(`[^${node.label ?? node.identifier}]: x\n\n`);
  if ('children' in node) for (const c of node.children) collectDefinitions(c, out);
}

function comparable(b: BlockProse) {
  return { ...b, segments: b.segments.map((s) => ({ ...s, offsets: s.offsets.toArray() })) };
}

const pieces = [
  'Ketamine cures depression.',
  ' may help',
  ' ',
  '\n',
  '\r\n',
  '\n\n',
  '  \n',
  '> ',
  '- ',
  '- [x] ',
  '1. ',
  '  - ',
  '    ',
  '# ',
  '\n===\n',
  '```\ncode\n```',
  '```\nopen',
  '~~~',
  '`x`',
  '*a*',
  '**',
  '[a](https://x.org)',
  '[a][b]',
  '[b]',
  '[b]: https://x.org/b\n',
  '[a\\*b &amp; c]: u\n',
  '[^1]',
  '[^1]: A source.\n',
  '[^n]: x\n\n    [d]: y\n',
  '<span>',
  '<!-- c -->',
  '<!--\nopen',
  '\n<div>\nblock\n</div>\n',
  '<div>',
  '| a | b |\n|---|---|\n| c | <b> |',
  '| x |\n|---|\n',
  '---\ntitle: x\n---\n',
  '+++\na = 1\n+++\n',
  '***',
  '\uFEFF',
  '&copy;',
];

const block = fc
  .array(fc.constantFrom(...pieces), { minLength: 1, maxLength: 14 })
  .map((parts) => parts.join(''));
const stubs = fc.constantFrom('', '[b]: x\n\n', '[^1]: x\n\n[b]: x\n\n', '[a*b & c]: x\n\n');

describe('a block parsed from events equals the block read from its tree', () => {
  it('on random blocks, first or not, last or not, with stubs (5,000 cases)', () => {
    let open = 0;
    let definitions = 0;
    fc.assert(
      fc.property(block, fc.boolean(), fc.boolean(), stubs, (source, first, last, stub) => {
        const fromEvents = parseBlock(source, first, last, stub);
        assert.deepEqual(
          comparable(fromEvents),
          comparable(parseBlockFromTree(source, first, last, stub)),
          JSON.stringify({ source, first, last, stub }),
        );
        if (fromEvents.endsOpen) open++;
        definitions += fromEvents.definitions.length;
      }),
      runs(5_000),
    );
    // Guard against a generator that stops making the cases that matter.
    assert.ok(open > 500 && definitions > 1_000, `${open} open, ${definitions} definitions`);
  });

  it('on lists whose last item is empty after one that ends in code or HTML', () => {
    for (const source of ['- <div>\n-', '- ```\n  x\n  ```\n-', '> - <div>\n> -', '1. a\n2.']) {
      const fromEvents = parseBlock(source, false, true, '');
      assert.deepEqual(
        comparable(fromEvents),
        comparable(parseBlockFromTree(source, false, true, '')),
      );
      assert.equal(fromEvents.endsOpen, false, source);
    }
    assert.equal(parseBlock('- a\n- <div>', false, true, '').endsOpen, true);
  });
});
