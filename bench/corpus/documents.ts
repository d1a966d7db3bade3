/**
 * Builds blog-post-like Markdown drafts from the templates: front matter, headings, paragraphs,
 * lists, links, emphasis, code spans, HTML comments, block quotes and the odd table.
 */
import type { Random } from './random.ts';
import {
  carefulSentences,
  codeSpans,
  editorComments,
  headings,
  links,
  listItems,
  overclaimSentences,
  plainSentences,
  quotes,
  slots,
} from './sentences.ts';

/** Share of sentences of each kind; the rest is plain prose. */
const OVERCLAIM_SHARE = 0.07;
const CAREFUL_SHARE = 0.18;

export function countWords(text: string): number {
  return text.split(/\s+/).filter((w) => w.length > 0).length;
}

function fill(random: Random, template: string): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const options = slots[name];
    return options ? random.pick(options) : whole;
  });
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function sentence(random: Random): string {
  const roll = random.next();
  const pool =
    roll < OVERCLAIM_SHARE
      ? overclaimSentences
      : roll < OVERCLAIM_SHARE + CAREFUL_SHARE
        ? carefulSentences
        : plainSentences;
  return capitalise(fill(random, random.pick(pool)));
}

/** A sentence, sometimes with inline Markdown around or after it. */
function decoratedSentence(random: Random): string {
  const text = sentence(random);
  const roll = random.next();
  if (roll < 0.04) return `**${text}**`;
  if (roll < 0.08) return `*${text}*`;
  if (roll < 0.13) {
    const link = random.pick(links);
    return `${text} There is more in [${link.text}](${link.url}).`;
  }
  if (roll < 0.16) return `${text} Intake forms record this as \`${random.pick(codeSpans)}\`.`;
  return text;
}

function paragraph(random: Random): string {
  const sentences = Array.from({ length: random.int(3, 7) }, () => decoratedSentence(random));
  return wrap(sentences.join(' '));
}

/** Hard-wraps at about 100 columns, as many writers' editors do. */
function wrap(text: string): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line.length > 0 && line.length + word.length + 1 > 100) {
      lines.push(line);
      line = word;
    } else line = line.length > 0 ? `${line} ${word}` : word;
  }
  if (line.length > 0) lines.push(line);
  return lines.join('\n');
}

function list(random: Random): string {
  const ordered = random.chance(0.3);
  return Array.from({ length: random.int(3, 6) }, (_, i) => {
    const item = capitalise(fill(random, random.pick(listItems)));
    return `${ordered ? `${i + 1}.` : '-'} ${item}`;
  }).join('\n');
}

function table(random: Random): string {
  const rows = Array.from(
    { length: random.int(2, 4) },
    (_, i) => `| ${i + 1} | ${random.int(30, 60)} min | ${random.pick(slots.place ?? [])} |`,
  );
  return ['| Session | Length | Clinic |', '| --- | --- | --- |', ...rows].join('\n');
}

function block(random: Random): string {
  const roll = random.next();
  if (roll < 0.62) return paragraph(random);
  if (roll < 0.8) return list(random);
  if (roll < 0.87) return `> ${random.pick(quotes)}`;
  if (roll < 0.93) return random.pick(editorComments);
  return table(random);
}

function frontMatter(random: Random, index: number, title: string): string {
  const month = String(random.int(1, 12)).padStart(2, '0');
  const day = String(random.int(1, 28)).padStart(2, '0');
  return [
    '---',
    `title: "${title}"`,
    `date: 202${random.int(2, 5)}-${month}-${day}`,
    `slug: post-${index}`,
    'tags: [depression, ketamine, treatment]',
    `author: ${random.pick(slots.person ?? [])}`,
    '---',
  ].join('\n');
}

/** One post of at least `words` words (front matter and markup included). */
export function post(random: Random, index: number, words: number): string {
  const title = capitalise(fill(random, random.pick(headings)));
  const blocks = [frontMatter(random, index, title), `# ${title}`, paragraph(random)];
  let count = countWords(blocks.join('\n\n'));
  while (count < words) {
    const section = [`## ${capitalise(fill(random, random.pick(headings)))}`, paragraph(random)];
    for (let i = random.int(2, 5); i > 0; i--) section.push(block(random));
    blocks.push(...section);
    count += countWords(section.join('\n\n'));
  }
  return `${blocks.join('\n\n')}\n`;
}

/** One long document of about `bytes` UTF-8 bytes (never more than `bytes`). */
export function bigDocument(random: Random, bytes: number): string {
  const parts = [frontMatter(random, 0, 'The complete reader’s guide'), '# The complete guide'];
  let size = Buffer.byteLength(parts.join('\n\n'));
  for (;;) {
    const section = [`## ${capitalise(fill(random, random.pick(headings)))}`, paragraph(random)];
    for (let i = random.int(2, 5); i > 0; i--) section.push(block(random));
    const text = section.join('\n\n');
    const added = Buffer.byteLength(text) + 2;
    if (size + added + 1 > bytes) break;
    parts.push(text);
    size += added;
  }
  return `${parts.join('\n\n')}\n`;
}
