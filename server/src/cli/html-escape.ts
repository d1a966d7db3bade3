/** Everything that comes from a draft, the claim base or a path is text, never markup. */
export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** Only web links become hrefs; anything else (javascript:, data:, file:) is shown as text. */
export function safeHref(url: string | undefined): string | undefined {
  if (!url) return undefined;
  return /^https?:\/\/[^\s"'<>]+$/i.test(url) ? escapeHtml(url) : undefined;
}

/** A link when the URL is a web address, plain text otherwise. */
export function link(text: string, url: string | undefined, className?: string): string {
  const href = safeHref(url);
  const cls = className ? ` class="${className}"` : '';
  return href ? `<a${cls} href="${href}">${escapeHtml(text)}</a>` : escapeHtml(text);
}
