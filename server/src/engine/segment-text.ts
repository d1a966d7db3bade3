/**
 * A segment's text as it is built from a block's inline nodes, with the source offset of each of
 * its characters (see `Segment` in prose.ts).
 */
import { SourceOffsetsBuilder } from './offsets.ts';
import type { Segment } from './prose.ts';

export class SegmentBuilder {
  text = '';
  offsets = new SourceOffsetsBuilder();
  citations: number[] = [];
  links: Segment['links'] = [];
  /** Inside a link's text, where bare URLs are not looked for. */
  linkDepth = 0;

  /**
   * @param cursor Source offset just after what has been appended so far. A node without a
   *   position (none is expected from the parsers used) is aligned from here, up to `limit`.
   * @param limit End of the block in the source.
   */
  constructor(
    public cursor: number,
    readonly limit: number,
  ) {}

  /** A separator that keeps words on either side apart without adding a word. */
  gap(at: number): void {
    this.text += ' ';
    this.offsets.push(at);
  }

  append(value: string, map: number[]): void {
    this.text += value;
    for (let i = 0; i < value.length; i++) this.offsets.push(map[i] ?? this.cursor);
    const last = map[value.length - 1];
    if (last !== undefined) this.cursor = Math.max(this.cursor, Math.min(last + 1, this.limit));
  }

  /** Text that is the source itself from `from` on: what `append` does for the identity map. */
  appendSource(value: string, from: number): void {
    if (value.length === 0) return;
    this.text += value;
    this.offsets.pushRun(from, value.length);
    this.cursor = Math.max(this.cursor, Math.min(from + value.length, this.limit));
  }
}

/**
 * Maps each character of a text node's value to its source offset. The value can differ from
 * the source by backslash escapes, character references and stripped indentation.
 */
export function alignValue(value: string, source: string, start: number, end: number): number[] {
  const map: number[] = [];
  let i = start;
  let j = 0;
  while (j < value.length) {
    if (i >= end) {
      map.push(end);
      j++;
      continue;
    }
    const s = source[i];
    const v = value[j];
    // micromark turns NUL into U+FFFD; the pair is one character of the source.
    if (s === v || (s === '\0' && v === '\uFFFD')) {
      map.push(i++);
      j++;
    } else if (s === '\\' && i + 1 < end && source[i + 1] === v) {
      i++;
    } else if (s === '&') {
      const semi = source.indexOf(';', i);
      if (semi > i && semi - i <= 32) {
        // One reference decodes to one code point (one or two UTF-16 units).
        map.push(i);
        j++;
        const code = value.charCodeAt(j);
        if (code >= 0xdc00 && code <= 0xdfff) {
          map.push(i);
          j++;
        }
        i = semi + 1;
      } else i++;
    } else {
      i++;
    }
  }
  return map;
}
