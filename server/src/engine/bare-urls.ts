/**
 * Bare URLs and e-mail addresses in running text (GFM's "autolink literals"): `https://…`,
 * `www.…`, `name@host.tld`. They are not prose, and a URL can be a citation.
 *
 * Why not remark-gfm's own autolink-literal support: its tokenizer and tree transform were 40%
 * of the Markdown parse on the benchmark posts (`npm run bench`), for text that only needs to be
 * found, not turned into link nodes. This scan follows GFM's rules where they matter here (what
 * may come before, trailing punctuation, unbalanced closing parentheses, entity-like endings)
 * and is linear: every character is looked at a bounded number of times, no backtracking regex.
 */

export interface BareUrl {
  /** Offsets in the scanned string. */
  start: number;
  end: number;
  /** What a link to it would point at: `http://` added to `www.`, `mailto:` to addresses. */
  url: string;
}

const WWW_PRECEDERS = new Set([' ', '\t', '\n', '\r', '*', '_', '~', '(']);
const MAX_DOMAIN = 255;
/** GFM's trailing punctuation, plus the quotation marks a URL in quotes ends with. */
const TRAILING_PUNCTUATION = new Set('?!.,:*_~\'"”’»'.split(''));

export function findBareUrls(text: string): BareUrl[] {
  // Cheap test first: nearly every text node has none.
  if (!/[:@]|www\./i.test(text)) return [];
  const found: BareUrl[] = [];
  const starts = /https?:\/\/|www\./gi;
  let m: RegExpExecArray | null;
  let covered = 0;
  while ((m = starts.exec(text))) {
    const at = m.index;
    const www = m[0].toLowerCase() === 'www.';
    if (at < covered || !mayStartUrl(text, at, www)) continue;
    const hit = urlAt(text, at, m[0].length, www);
    if (hit) {
      found.push(hit);
      covered = hit.end;
      starts.lastIndex = hit.end;
    }
  }
  for (const email of findEmails(text)) {
    if (!found.some((u) => email.start < u.end && u.start < email.end)) found.push(email);
  }
  return found.sort((a, b) => a.start - b.start);
}

/** GFM: `www.` after whitespace, `*`, `_`, `~` or `(`; a scheme after anything but a letter. */
function mayStartUrl(text: string, at: number, www: boolean): boolean {
  if (at === 0) return true;
  const before = text[at - 1] as string;
  return www ? WWW_PRECEDERS.has(before) : !/[A-Za-z]/.test(before);
}

function urlAt(text: string, at: number, prefix: number, www: boolean): BareUrl | undefined {
  // The domain: letters, digits, `-`, `_` and dots; after `www.` at least one more dot.
  let i = at + prefix;
  const domainStart = www ? at : i;
  // Capped: no real domain is longer, and the cap keeps a run of failed starts linear.
  const limit = Math.min(text.length, i + MAX_DOMAIN);
  while (i < limit && /[\p{L}\p{N}_.-]/u.test(text[i] as string)) i++;
  const domain = text.slice(domainStart, i).replace(/\.+$/, '');
  const labels = domain.split('.');
  if (labels.some((l) => l === '') || (www && labels.length < 3) || domain === '') return;
  // No underscore in the last two labels (GFM's valid domain).
  if (labels.slice(-2).some((l) => l.includes('_'))) return;
  // The path: up to whitespace or `<`.
  while (i < text.length && !/[\s<]/.test(text[i] as string)) i++;
  const end = trimEnd(text, at, i);
  if (end <= at + prefix) return;
  const shown = text.slice(at, end);
  return { start: at, end, url: www ? `http://${shown}` : shown };
}

/** Drops trailing punctuation, unbalanced `)` and an entity-like `&name;` ending, repeatedly. */
function trimEnd(text: string, start: number, end: number): number {
  let depth = 0; // `(` minus `)` in text[start, end)
  for (let i = start; i < end; i++) depth += text[i] === '(' ? 1 : text[i] === ')' ? -1 : 0;
  while (end > start) {
    const last = text[end - 1] as string;
    if (TRAILING_PUNCTUATION.has(last)) end--;
    else if (last === ')' && depth < 0) {
      end--;
      depth++;
    } else if (last === ';') {
      const entity = /&[a-z0-9]+;$/i.exec(text.slice(Math.max(start, end - 40), end));
      const cut = entity ? entity[0].length : 1;
      for (let i = end - cut; i < end; i++) depth -= text[i] === '(' ? 1 : text[i] === ')' ? -1 : 0;
      end -= cut;
    } else break;
  }
  return end;
}

const LOCAL = /[A-Za-z0-9.+_-]/;
const DOMAIN = /[A-Za-z0-9_.-]/;

/** `local@domain.tld`: local part of letters, digits, `.+-_`; a domain with a dot; `mailto:` kept. */
function findEmails(text: string): BareUrl[] {
  const out: BareUrl[] = [];
  let from = 0;
  for (let at = text.indexOf('@'); at !== -1; at = text.indexOf('@', at + 1)) {
    let start = at;
    while (start > from && LOCAL.test(text[start - 1] as string)) start--;
    let end = at + 1;
    while (end < text.length && DOMAIN.test(text[end] as string)) end++;
    while (end > at + 1 && /[.]/.test(text[end - 1] as string)) end--;
    const domain = text.slice(at + 1, end);
    const ok =
      start < at &&
      domain.includes('.') &&
      !/[-_]$/.test(domain) &&
      (start === 0 || !/[\p{L}\p{N}/]/u.test(text[start - 1] as string));
    if (ok) {
      const mailto = /(?:mailto|xmpp):$/i.exec(text.slice(Math.max(0, start - 7), start));
      const begin = mailto ? start - mailto[0].length : start;
      out.push({
        start: begin,
        end,
        url: mailto ? text.slice(begin, end) : `mailto:${text.slice(start, end)}`,
      });
    }
    from = Math.max(from, end);
    at = Math.max(at, end - 1);
  }
  return out;
}
