/**
 * micromark's chunks expanded into their events in one pass, for `markdownEvents`.
 *
 * micromark leaves a document as events with chunks in them (flow inside containers, text in
 * headings and paragraphs, strings in link destinations and code info), each to be run through
 * a tokenizer of its kind. Its postprocess expands one level per pass, walking every event of the
 * document each time through a splice buffer and a table of jumps, and stops after a pass that
 * finds nothing left: four walks per benchmark post, ~10% of the CLI's main thread in sampled
 * profiles. Here the events are written once, in order, into a new list; a chunk is replaced by
 * its events as it is met, and those are expanded in turn (on the benchmark posts, 0.37 G fewer
 * instructions: docs/performance.md, twelfth round).
 *
 * What a chunk's events are is micromark's to say, and this follows it: the chunks linked to one
 * another (a paragraph's lines across block-quote markers) are written to one tokenizer; its
 * events are split between them where it leaves an empty token that spans a line break; the
 * first content of a list item is marked for GFM's task-list check; and a container's exit moves
 * before the line endings that end it, the first of them a line ending, the others blank.
 * test/property/events.test.ts compares the result with micromark's own postprocess.
 */
import type { Event, Token, TokenizeContext } from 'micromark-util-types';

export function expandChunks(events: Event[]): Event[] {
  const out: Event[] = [];
  write(events, out, new Map());
  return out;
}

/**
 * Appends `events` to `out`, each chunk replaced by its events. `later` holds the events of
 * chunks linked to one already expanded, until they are met.
 */
function write(events: Event[], out: Event[], later: Map<Token, Event[]>): void {
  for (let i = 0; i < events.length; i++) {
    const event = events[i] as Event;
    const token = event[1];
    if (event[0] === 'enter' && token.contentType !== undefined) {
      let own = later.get(token);
      if (own) later.delete(token);
      else {
        if (token.type === 'chunkFlow' && out[out.length - 1]?.[1].type === 'listItemPrefix')
          markFirstContent(token);
        own = expand(token, event[2], later);
      }
      write(own, out, later);
      i++; // the chunk's exit
    } else {
      out.push(event);
      if (event[0] === 'exit' && token._container) exitBeforeLineEndings(out);
    }
  }
}

/**
 * Runs the chunks linked from `head` through one tokenizer of their kind and returns the head's
 * share of its events; the others' shares go to `later`.
 */
function expand(head: Token, context: TokenizeContext, later: Map<Token, Event[]>): Event[] {
  let tokenizer = head._tokenizer;
  if (!tokenizer) {
    tokenizer = context.parser[head.contentType as 'flow'](head.start);
    if (head._contentTypeTextTrailing) tokenizer._contentTypeTextTrailing = true;
  }
  // Taken before writing, as micromark does: resolvers change this list in place.
  const childEvents = tokenizer.events;
  const chunks: Token[] = [];
  for (let chunk: Token | undefined = head; chunk; chunk = chunk.next) {
    chunks.push(chunk);
    if (chunk._tokenizer) continue; // written while the document was parsed
    const stream = context.sliceStream(chunk);
    if (!chunk.next) stream.push(null);
    if (chunk !== head) tokenizer.defineSkip(chunk.start);
    if (chunk._isInFirstContentOfListItem) tokenizer._gfmTasklistFirstContentOfListItem = true;
    tokenizer.write(stream);
    if (chunk._isInFirstContentOfListItem) tokenizer._gfmTasklistFirstContentOfListItem = undefined;
  }
  tokenizer.events = [];
  if (!head.next) {
    // A chunk of its own has all its tokenizer's events: no breaks to look for.
    head._tokenizer = undefined;
    head.previous = undefined;
    return childEvents;
  }
  const breaks = breaksOf(childEvents, head);
  // One share per chunk: micromark's tokenizers leave one break per boundary between chunks
  // (micromark itself fails otherwise). Were there fewer, the last chunks would get none; were
  // there more, the last chunk takes the rest, so no event is lost.
  const last = chunks.length - 1;
  for (let c = 1; c <= last; c++)
    later.set(
      chunks[c] as Token,
      childEvents.slice(breaks[c] ?? childEvents.length, c < last ? breaks[c + 1] : undefined),
    );
  return childEvents.slice(0, breaks[1]);
}

/**
 * Where the linked chunks' events part: after each empty token (an exit right after its own
 * enter) that spans a line break, one per chunk boundary. Lets go of the chunks' links as it
 * passes them, as micromark does.
 */
function breaksOf(childEvents: Event[], head: Token): number[] {
  const breaks = [0];
  let chunk: Token | undefined = head;
  for (let i = 1; i < childEvents.length; i++) {
    const event = childEvents[i] as Event;
    const kind = event[0];
    const token = event[1];
    const before = childEvents[i - 1] as Event;
    if (
      kind === 'exit' &&
      before[0] === 'enter' &&
      before[1].type === token.type &&
      token.start.line !== token.end.line
    ) {
      breaks.push(i + 1);
      if (chunk) {
        chunk._tokenizer = undefined;
        chunk.previous = undefined;
        chunk = chunk.next;
      }
    }
  }
  if (chunk) {
    chunk._tokenizer = undefined;
    chunk.previous = undefined;
  } else breaks.pop();
  return breaks;
}

/**
 * A list item's flow starts here: the text chunks of its first content are marked, so GFM's
 * task-list check (`[x]`) can tell where it may stand.
 */
function markFirstContent(chunkFlow: Token): void {
  const flow = (chunkFlow._tokenizer as TokenizeContext).events;
  let i = 0;
  if (flow[i]?.[1].type === 'lineEndingBlank') i += 2;
  if (flow[i]?.[1].type !== 'content') return;
  for (i++; i < flow.length; i++) {
    const token = (flow[i] as Event)[1];
    if (token.type === 'content') break;
    if (token.type === 'chunkText') {
      token._isInFirstContentOfListItem = true;
      i++;
    }
  }
}

const LINE_ENDINGS = new Set(['lineEnding', 'lineEndingBlank']);
const INDENTS = new Set(['linePrefix', 'listItemIndent']);

/**
 * Moves the container exit just written to `out` before the line endings (and indents) that
 * precede it, ending the container where its last line does; the first of those line endings
 * stays a line ending, the others are blank.
 */
function exitBeforeLineEndings(out: Event[]): void {
  const exitAt = out.length - 1;
  let first: number | undefined;
  for (let i = exitAt - 1; i >= 0; i--) {
    const event = out[i] as Event;
    const kind = event[0];
    const token = event[1];
    if (LINE_ENDINGS.has(token.type)) {
      if (kind !== 'enter') continue;
      if (first !== undefined) (out[first] as Event)[1].type = 'lineEndingBlank';
      token.type = 'lineEnding';
      first = i;
    } else if (!INDENTS.has(token.type)) break;
  }
  if (first === undefined) return;
  const exit = out.pop() as Event;
  exit[1].end = { ...(out[first] as Event)[1].start };
  out.splice(first, 0, exit);
}
