/**
 * Writes the benchmark corpus into a folder: the posts, one long post, one ~1 MB document and one
 * small file for start-up timing. Same seed, same bytes: the digest in the results proves it.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { bigDocument, countWords, post } from './documents.ts';
import { Random } from './random.ts';

export interface CorpusSize {
  posts: number;
  postWords: number;
  longWords: number;
  /** Stays under the CLI's default maxFileSize (1 MiB), so no tool skips it. */
  bigBytes: number;
}

export const fullSize: CorpusSize = {
  posts: 100,
  postWords: 1120,
  longWords: 4800,
  bigBytes: 1_000_000,
};
export const quickSize: CorpusSize = { posts: 5, postWords: 300, longWords: 600, bigBytes: 30_000 };

export const SEED = 20240611;

export interface FileSet {
  files: string[];
  bytes: number;
  words: number;
}

export interface Corpus {
  dir: string;
  sha256: string;
  posts: FileSet;
  long: FileSet;
  big: FileSet;
  small: FileSet;
}

export function generateCorpus(dir: string, size: CorpusSize, cwd: string): Corpus {
  rmSync(dir, { recursive: true, force: true });
  const random = new Random(SEED);
  const hash = createHash('sha256');
  const write = (name: string, text: string): FileSet => {
    const path = join(dir, name);
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, text);
    hash.update(name).update(text);
    return {
      files: [relative(cwd, path)],
      bytes: Buffer.byteLength(text),
      words: countWords(text),
    };
  };
  const posts = Array.from({ length: size.posts }, (_, i) =>
    write(`posts/post-${String(i + 1).padStart(3, '0')}.md`, post(random, i + 1, size.postWords)),
  );
  const long = write('long/long-post.md', post(random, 0, size.longWords));
  const big = write('big/big.md', bigDocument(random, size.bigBytes));
  const small = write('small/small.md', post(random, 0, 150));
  return {
    dir,
    sha256: hash.digest('hex'),
    posts: {
      files: posts.flatMap((p) => p.files),
      bytes: posts.reduce((n, p) => n + p.bytes, 0),
      words: posts.reduce((n, p) => n + p.words, 0),
    },
    long,
    big,
    small,
  };
}
