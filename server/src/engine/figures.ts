/** Percentages and "N in M" figures: what unsupported-statistic checks for a source. */
import { NONE } from './none.ts';
import type { Span } from './sentences.ts';

export type Figure = Span & { value: number | null };

const NUMBER_WORDS = 'one|two|three|four|five|six|seven|eight|nine|ten|\\d{1,3}';
const FIGURE = new RegExp(
  [
    String.raw`\b(\d{1,3}(?:\.\d+)?)\s?(?:%|percent\b|per cent\b)`,
    String.raw`\b(?:${NUMBER_WORDS})\s+(?:in|out of)\s+(?:${NUMBER_WORDS}|twenty|hundred|a hundred|\d{1,4})\b`,
    String.raw`\b(?:half|a third|one third|one-third|two thirds|two-thirds|a quarter|one quarter|three quarters|three-quarters|the majority|a majority)\s+of\b`,
  ].join('|'),
  'giu',
);

/**
 * Every FIGURE match contains a match of this, which has no word boundaries or captures: a
 * figure's number next to what makes it one ("40 %", "one in", "half of"). Digits alone let
 * through a fifth of all sentences (years, doses) where only one in a hundred holds a figure.
 */
const MAYBE_FIGURE = new RegExp(
  [
    String.raw`\d\s?(?:%|percent|per cent)`,
    String.raw`(?:one|two|three|four|five|six|seven|eight|nine|ten|\d)\s+(?:in|out of)\s`,
    String.raw`(?:half|thirds?|quarters?|majority)\s+of\b`,
  ].join('|'),
  'iu',
);

/** Every figure in the text (offsets plus `base`): the definition, without the prefilter. */
export function everyFigure(text: string, base = 0): Figure[] {
  const out: Figure[] = [];
  for (const m of text.matchAll(FIGURE)) {
    const start = base + (m.index ?? 0);
    out.push({ start, end: start + m[0].length, value: m[1] !== undefined ? Number(m[1]) : null });
  }
  return out.length > 0 ? out : NONE;
}

/** `everyFigure`, after a cheaper test that rules out nearly every sentence. */
export function findFigures(text: string, base = 0): Figure[] {
  return MAYBE_FIGURE.test(text) ? everyFigure(text, base) : NONE;
}
