/**
 * An independent check that `after` is `before` with exactly these edits applied: every
 * character outside the edited spans kept, in order, and nothing else inserted. Written without
 * the product's applier so the two can be compared.
 */
import type { Edit } from '../../server/src/engine/types.ts';

/** The first difference found, or undefined when `after` is exactly `before` plus the edits. */
export function differenceOutsideEdits(
  before: string,
  after: string,
  edits: readonly Edit[],
): string | undefined {
  let b = 0;
  let a = 0;
  for (const e of [...edits].sort((x, y) => x.start - y.start || x.end - y.end)) {
    if (e.start < b) return `edit at ${e.start} overlaps the one before it`;
    const kept = before.slice(b, e.start);
    if (after.slice(a, a + kept.length) !== kept) return `text before offset ${e.start} changed`;
    a += kept.length;
    if (after.slice(a, a + e.newText.length) !== e.newText)
      return `edit at ${e.start} not applied as given`;
    a += e.newText.length;
    b = e.end;
  }
  if (after.slice(a) !== before.slice(b)) return `text after offset ${b} changed`;
  return undefined;
}
