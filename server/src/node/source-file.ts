/**
 * A draft read for linting and, with --fix, written back: the exact bytes and modification
 * time are kept so a fix is written only over the file as it was read, atomically (a temporary
 * file in the same directory, then a rename), with the BOM and file mode preserved.
 */
import {
  closeSync,
  fsyncSync,
  openSync,
  readFileSync,
  realpathSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { decodeDocument } from './read-document.ts';
import { nodeCrypto } from './lazy-builtins.ts';

export interface SourceFile {
  path: string;
  bytes: Buffer;
  mtimeMs: number;
  /** The decoded text, without the BOM. */
  text: string;
  bom: boolean;
}

export type SourceRead = { ok: true; file: SourceFile } | { ok: false; reason: string };

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

export function readSourceFile(path: string, maxBytes: number): SourceRead {
  try {
    const stat = statSync(path);
    if (stat.isDirectory()) return { ok: false, reason: 'is a directory' };
    if (stat.size > maxBytes)
      return {
        ok: false,
        reason: `skipped: ${stat.size} bytes is over the ${maxBytes}-byte limit (maxFileSize)`,
      };
    const bytes = readFileSync(path);
    const decoded = decodeDocument(bytes);
    if (!decoded.ok) return decoded;
    return {
      ok: true,
      file: {
        path,
        bytes,
        mtimeMs: stat.mtimeMs,
        text: decoded.text,
        bom: bytes.subarray(0, 3).equals(BOM),
      },
    };
  } catch (error) {
    return { ok: false, reason: `cannot be read (${errorCode(error)})` };
  }
}

/** The bytes to write for new text: the same encoding and BOM as the file had. */
export function encodeLike(file: SourceFile, text: string): Buffer {
  const body = Buffer.from(text, 'utf8');
  return file.bom ? Buffer.concat([BOM, body]) : body;
}

/**
 * Replaces the file with `text` unless it changed since it was read. Returns why not, or
 * undefined on success. The check runs after the new content is safely on disk, right before
 * the rename, to keep the window for a concurrent edit as small as possible.
 */
export function writeIfUnchanged(file: SourceFile, text: string): string | undefined {
  let target: string;
  try {
    // Write through symlinks: replace the file they point at, not the link.
    target = realpathSync(file.path);
  } catch (error) {
    return `cannot be written (${errorCode(error)})`;
  }
  const temp = join(
    dirname(target),
    `.${basename(target)}.overclaim-${process.pid}-${nodeCrypto().randomBytes(4).toString('hex')}.tmp`,
  );
  try {
    const mode = statSync(target).mode & 0o7777;
    const fd = openSync(temp, 'wx', mode);
    try {
      const bytes = encodeLike(file, text);
      let written = 0;
      while (written < bytes.length) written += writeSync(fd, bytes, written);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    const now = statSync(target);
    if (now.mtimeMs !== file.mtimeMs || !readFileSync(target).equals(file.bytes)) {
      unlinkSync(temp);
      return 'the file changed on disk after it was read; run overclaim --fix again';
    }
    renameSync(temp, target);
    return undefined;
  } catch (error) {
    try {
      unlinkSync(temp);
    } catch {
      // Nothing was created, or it is already gone.
    }
    return `cannot be written (${errorCode(error)})`;
  }
}

function errorCode(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? (error as Error).message;
}
