/** Parses a draft into an mdast tree; MDX that does not parse falls back to plain Markdown. */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item';
import type { Processor } from 'unified';
import remarkFrontmatter from 'remark-frontmatter';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { preprocess } from 'micromark';
import type { Event } from 'micromark-util-types';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { frontmatter } from 'micromark-extension-frontmatter';
import { tablesWhereTheyCanBe } from './tables.ts';
import { expandChunks } from './expand.ts';
import { reusableParsers } from './micromark-parsers.ts';
import remarkMdx from 'remark-mdx';
import type { Nodes, Root } from 'mdast';
import type { Notice } from './types.ts';

export type Language = 'markdown' | 'mdx' | 'text';

export function languageFromPath(path: string | undefined): Language {
  const lower = (path ?? '').toLowerCase();
  if (lower.endsWith('.mdx')) return 'mdx';
  if (lower.endsWith('.txt') || lower.endsWith('.text')) return 'text';
  return 'markdown';
}

/**
 * GitHub Flavored Markdown without autolink literals: tables, footnotes, strikethrough and task
 * lists change what is prose; bare URLs are found in the text instead (`bare-urls.ts`), which
 * cut the parse of the benchmark posts by ~40%.
 */
const gfmSyntax = [gfmFootnote(), gfmStrikethrough(), gfmTaskListItem()];
const gfmTrees = [
  gfmFootnoteFromMarkdown(),
  gfmStrikethroughFromMarkdown(),
  gfmTableFromMarkdown(),
  gfmTaskListItemFromMarkdown(),
];
const frontMatterSyntax = frontmatter(['yaml', 'toml']);
const frontMatterTrees = frontmatterFromMarkdown(['yaml', 'toml']);

export function gfmExtensions(text: string) {
  return [frontMatterSyntax, ...gfmSyntax, tablesWhereTheyCanBe(text)];
}

function parseGfm(text: string): Root {
  return fromMarkdown(text, {
    extensions: gfmExtensions(text),
    mdastExtensions: [frontMatterTrees, ...gfmTrees],
  });
}

/**
 * micromark's events for Markdown, as `parseMarkdown` would parse it, without the tree. Offsets
 * count from after a byte-order mark.
 */
export function markdownEvents(text: string): Event[] {
  const chunks = preprocess()(text, undefined, true);
  return expandChunks(markdownParser(text).document().write(chunks));
}

const markdownParser = reusableParsers([frontMatterSyntax, ...gfmSyntax]);

const mdxParser = unified()
  .use(remarkParse)
  .use(remarkFrontmatter, ['yaml', 'toml'])
  .use(function (this: Processor) {
    const data = this.data();
    (data.micromarkExtensions ??= []).push(...gfmSyntax, gfmTable());
    (data.fromMarkdownExtensions ??= []).push(...gfmTrees);
  })
  .use(remarkMdx);

export interface Parsed {
  tree: Root;
  notices: Notice[];
}

export function parseMarkdown(text: string, language: Exclude<Language, 'text'>): Parsed {
  const parsed = parseWithoutBom(text, language);
  if (text.charCodeAt(0) !== 0xfeff) return parsed;
  shiftOffsets(parsed.tree, 1);
  const notices = parsed.notices.map((n) => ({
    ...n,
    start: Math.min(n.start + 1, text.length),
    end: Math.min(n.end + 1, text.length),
  }));
  return { tree: parsed.tree, notices };
}

/**
 * micromark skips a byte-order mark and counts offsets from after it: put them back in the
 * text's own terms, or a comment's range would start one character early (inside a surrogate
 * pair, even).
 */
function shiftOffsets(node: Nodes, by: number): void {
  if (node.position) {
    if (node.position.start.offset !== undefined) node.position.start.offset += by;
    if (node.position.end.offset !== undefined) node.position.end.offset += by;
  }
  if ('children' in node) for (const child of node.children) shiftOffsets(child, by);
}

function parseWithoutBom(text: string, language: Exclude<Language, 'text'>): Parsed {
  if (language === 'markdown') return { tree: parseGfm(text), notices: [] };
  try {
    return { tree: mdxParser.parse(text), notices: [] };
  } catch (error) {
    // Keep checking the prose: a half-written JSX tag should not hide every finding.
    const offset = errorOffset(error, text.length);
    const reason = error instanceof Error ? error.message : String(error);
    return {
      tree: parseGfm(text),
      notices: [
        {
          message: `MDX could not be parsed (${reason}); checked as plain Markdown instead.`,
          start: offset,
          end: offset,
        },
      ],
    };
  }
}

function errorOffset(error: unknown, max: number): number {
  const place = (error as { place?: { offset?: number; start?: { offset?: number } } }).place;
  const offset = place?.offset ?? place?.start?.offset ?? 0;
  return Math.max(0, Math.min(max, offset));
}
