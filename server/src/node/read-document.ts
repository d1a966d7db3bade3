/** Reads a draft from disk, refusing what is not a UTF-8 text document with a clear reason. */
import { readSourceFile } from './source-file.ts';

export type ReadResult = { ok: true; text: string } | { ok: false; reason: string };

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The text of a draft on disk; `readSourceFile` keeps the bytes too, for writing fixes back. */
export function readDocument(path: string, maxBytes: number): ReadResult {
  const read = readSourceFile(path, maxBytes);
  return read.ok ? { ok: true, text: read.file.text } : read;
}

/** Decodes bytes as UTF-8 text, dropping a BOM; binary and invalid UTF-8 are refused. */
export function decodeDocument(bytes: Uint8Array): ReadResult {
  if (bytes.subarray(0, 8192).includes(0))
    return { ok: false, reason: 'skipped: looks like a binary file (NUL byte)' };
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return {
      ok: false,
      reason: `skipped: not valid UTF-8 (first bad byte at offset ${firstInvalidUtf8(bytes)})`,
    };
  }
  return { ok: true, text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  let lo = 0;
  let hi = bytes.length;
  // The longest valid prefix, found by bisection; decoding is all-or-nothing.
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, mid), { stream: true });
      lo = mid;
    } catch {
      hi = mid - 1;
    }
  }
  // Streaming accepts a prefix that ends inside a sequence ("Caf" + 0xE9, then a space): the bad
  // sequence starts at its lead byte, up to three bytes back.
  const complete = (n: number) => {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, n));
      return true;
    } catch {
      return false;
    }
  };
  while (lo > 0 && !complete(lo)) lo--;
  return lo;
}
