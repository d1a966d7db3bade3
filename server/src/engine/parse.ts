/** Parses a draft into an mdast tree; MDX that does not parse falls back to plain Markdown. */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkFrontmatter from 'remark-frontmatter';
import remarkMdx from 'remark-mdx';
import type { Root } from 'mdast';
import type { Notice } from './types.ts';

export type Language = 'markdown' | 'mdx' | 'text';

export function languageFromPath(path: string | undefined): Language {
  const lower = (path ?? '').toLowerCase();
  if (lower.endsWith('.mdx')) return 'mdx';
  if (lower.endsWith('.txt') || lower.endsWith('.text')) return 'text';
  return 'markdown';
}

const markdownParser = unified()
  .use(remarkParse)
  .use(remarkFrontmatter, ['yaml', 'toml'])
  .use(remarkGfm);
const mdxParser = unified()
  .use(remarkParse)
  .use(remarkFrontmatter, ['yaml', 'toml'])
  .use(remarkGfm)
  .use(remarkMdx);

export interface Parsed {
  tree: Root;
  notices: Notice[];
}

export function parseMarkdown(text: string, language: Exclude<Language, 'text'>): Parsed {
  if (language === 'markdown') return { tree: markdownParser.parse(text), notices: [] };
  try {
    return { tree: mdxParser.parse(text), notices: [] };
  } catch (error) {
    // Keep checking the prose: a half-written JSX tag should not hide every finding.
    const offset = errorOffset(error, text.length);
    const reason = error instanceof Error ? error.message : String(error);
    return {
      tree: markdownParser.parse(text),
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
