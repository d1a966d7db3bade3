/**
 * Expands the CLI's paths, directories and globs into a sorted list of drafts. Directories are
 * walked for supported extensions; symlink loops are walked once.
 */
import { readdirSync, realpathSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { globSync } from 'tinyglobby';
import { byCodeUnits } from '../engine/order.ts';

export const EXTENSIONS = ['.md', '.markdown', '.mdx', '.txt'];
const SKIPPED_DIRS = new Set(['node_modules', '.git', '.hg', '.svn']);

export class InputError extends Error {}

export function isSupported(path: string): boolean {
  const lower = path.toLowerCase();
  return EXTENSIONS.some((e) => lower.endsWith(e));
}

export function collectFiles(inputs: string[], cwd: string): string[] {
  const out = new Set<string>();
  for (const input of inputs) {
    if (/[*?[\]{}]/.test(input)) {
      const matches = globSync(input, {
        cwd,
        absolute: true,
        dot: false,
        ignore: ['**/node_modules/**'],
      }).filter(isSupported);
      if (matches.length === 0) throw new InputError(`no files match ${input}`);
      for (const m of matches) out.add(m);
      continue;
    }
    const path = resolve(cwd, input);
    let isDir: boolean;
    try {
      isDir = statSync(path).isDirectory();
    } catch {
      throw new InputError(`${input}: no such file or directory`);
    }
    if (isDir) walk(path, out, new Set());
    else out.add(path);
  }
  // Each path's display form made once, not twice per comparison. Code-unit order lists the
  // files alike on a CI runner and a writer's laptop, whatever their locales.
  return [...out]
    .map((path) => ({ path, shown: displayPath(path, cwd) }))
    .sort((a, b) => byCodeUnits(a.shown, b.shown))
    .map((entry) => entry.path);
}

function walk(dir: string, out: Set<string>, seen: Set<string>): void {
  let real: string;
  try {
    real = realpathSync(dir);
  } catch {
    return;
  }
  if (seen.has(real)) return;
  seen.add(real);
  let entries: string[];
  try {
    entries = readdirSync(dir).sort();
  } catch {
    return;
  }
  for (const name of entries) {
    if (SKIPPED_DIRS.has(name)) continue;
    const path = join(dir, name);
    let stat;
    try {
      stat = statSync(path);
    } catch {
      continue;
    }
    if (stat.isDirectory()) walk(path, out, seen);
    else if (isSupported(name)) out.add(path);
  }
}

/** Paths are shown relative to the working directory, with forward slashes. */
export function displayPath(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  return (rel.startsWith('..') ? path : rel).split(sep).join('/');
}
