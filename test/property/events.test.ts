/**
 * markdownEvents expands micromark's chunks in one pass of its own (engine/expand.ts) instead of
 * micromark's postprocess. Here that postprocess, given the same extensions, is the oracle: on
 * random documents dense in containers, blank and lazy lines, task lists and linked chunks (a
 * paragraph's lines across container markers), and on hostile drafts, the events must be the
 * same, in the same order, with the same positions.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { parse, postprocess, preprocess } from 'micromark';
import type { Event } from 'micromark-util-types';
import { gfmExtensions, markdownEvents } from '../../server/src/engine/parse.ts';
import { smallDraft } from './arbitraries.ts';
import { runs } from './runs.ts';

function oracle(text: string): Event[] {
  const chunks = preprocess()(text, undefined, true);
  return postprocess(
    parse({ extensions: gfmExtensions(text) })
      .document()
      .write(chunks),
  );
}

const comparable = (events: Event[]) =>
  events.map(([kind, token]) => {
    const { start, end } = token;
    return `${kind} ${token.type} ${start.line}:${start.column}:${start.offset}-${end.line}:${end.column}:${end.offset}`;
  });

function assertSameEvents(text: string): number {
  const events = markdownEvents(text);
  assert.deepEqual(comparable(events), comparable(oracle(text)), JSON.stringify(text));
  return events.length;
}

const prefix = fc.constantFrom('', '', '> ', '>', '- ', '* ', '1. ', '  ', '    ', '> - ', '- > ');
const content = fc.constantFrom(
  'Ketamine cures depression.',
  'a *b* [c](d) `e`',
  '',
  '',
  '| a | b |',
  '| - | - |',
  '[^1]: a source',
  '[x]: https://x.org',
  '- [x] done',
  '```',
  '# Heading',
  '===',
  '<!-- c -->',
  '---',
);
const ending = fc.constantFrom('\n', '\n', '\r\n', '\r', '');
const containerDraft = fc
  .array(
    fc.tuple(prefix, content, ending).map(([p, c, e]) => p + c + e),
    { maxLength: 16 },
  )
  .map((lines) => lines.join(''));

describe('chunks expanded in one pass', () => {
  it('give micromark’s events on drafts dense in containers (5,000 cases)', () => {
    let events = 0;
    fc.assert(
      fc.property(containerDraft, (text) => {
        events += assertSameEvents(text);
      }),
      runs(5_000),
    );
    assert.ok(events > 100_000, `only ${events} events`);
  });

  it('give micromark’s events on hostile drafts (2,000 cases)', () => {
    fc.assert(
      fc.property(smallDraft, (text) => {
        assertSameEvents(text);
      }),
      runs(2_000),
    );
  });
});

describe('parsers reused from one draft to the next', () => {
  it('do not carry definitions, footnotes or lazy lines over to the next draft', () => {
    const defining = '[x]: https://x.org\n\n[^1]: a source\n\n> quoted\nlazy line\n';
    const using = 'See [x] and [x][] and the note[^1].\nlazy line\n';
    const withTable = `${defining}\n| a | b |\n| - | - |\n| [x] | [^1] |\n`;
    for (const first of [defining, withTable])
      for (const second of [using, `| [x] | b |\n| - | - |\n${using}`]) {
        markdownEvents(first);
        assertSameEvents(second);
      }
  });

  it('give micromark’s events on runs of drafts that define and use the same labels (500 cases)', () => {
    const labelled = fc
      .array(
        fc.constantFrom(
          '[x]: https://x.org',
          '[^1]: a note',
          'a [x] b[^1]',
          '| a | b |',
          '| - | - |',
          '> q',
          'lazy',
          '',
        ),
        { maxLength: 8 },
      )
      .map((lines) => lines.join('\n'));
    fc.assert(
      fc.property(fc.array(labelled, { minLength: 2, maxLength: 6 }), (drafts) => {
        for (const draft of drafts) assertSameEvents(draft);
      }),
      runs(500),
    );
  });
});
