/**
 * Strings in code-unit order (git's order for ASCII paths): the same on every machine whatever
 * its locale, unlike `localeCompare`, and without loading the locale's collator (6 ms, a
 * twentieth of linting one file).
 */
export function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
