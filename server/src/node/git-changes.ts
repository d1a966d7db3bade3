/**
 * Which lines changed since a git ref (for --changed-since in pull-request runs): the working
 * tree against the ref, staged or not, from `git diff --unified=0`, plus untracked files, which
 * count as changed in full.
 */
import { realpathSync } from 'node:fs';
import { resolve } from 'node:path';
import { InputError } from './collect-files.ts';
import { nodeChildProcess } from './lazy-builtins.ts';

/** Changed 1-based line numbers of the current file, or 'all' for a new file. */
export type ChangedLines = 'all' | Set<number>;

export class GitChanges {
  constructor(private readonly files: Map<string, ChangedLines>) {}

  /** Undefined when the file did not change. */
  forFile(path: string): ChangedLines | undefined {
    return this.files.get(canonical(path));
  }

  get size(): number {
    return this.files.size;
  }
}

export function changedSince(ref: string, cwd: string): GitChanges {
  if (ref.startsWith('-') || ref.trim() === '')
    throw new InputError(`--changed-since: "${ref}" is not a git ref`);
  const root = git(['rev-parse', '--show-toplevel'], cwd, 'needs a git repository').trim();
  git(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], root, `unknown git ref "${ref}"`);
  refuseRepositoryFilters(root);
  const diff = git(
    [
      '-c',
      'core.quotePath=false',
      'diff',
      '--no-color',
      '--no-ext-diff',
      '--no-textconv',
      '--unified=0',
      '--find-renames',
      '--diff-filter=ACMRT',
      ref,
      '--',
    ],
    root,
    'git diff failed',
  );
  const files = new Map<string, ChangedLines>();
  for (const [path, lines] of parseUnifiedZero(diff))
    files.set(canonical(resolve(root, path)), lines);
  const untracked = git(
    ['ls-files', '--others', '--exclude-standard', '-z'],
    root,
    'git ls-files failed',
  );
  for (const path of untracked.split('\0').filter(Boolean))
    files.set(canonical(resolve(root, path)), 'all');
  return new GitChanges(files);
}

/** `+++ b/path` names the file; `@@ -a,b +c,d @@` adds lines c…c+d-1 (d defaults to 1). */
export function parseUnifiedZero(diff: string): Map<string, Set<number>> {
  const out = new Map<string, Set<number>>();
  let current: Set<number> | undefined;
  for (const line of diff.split('\n')) {
    if (line.startsWith('+++ ')) {
      const name = unquote(line.slice(4).replace(/\t$/, ''));
      current = name === '/dev/null' ? undefined : new Set();
      if (current) out.set(name.replace(/^b\//, ''), current);
      continue;
    }
    const hunk = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/.exec(line);
    if (hunk && current) {
      const start = Number(hunk[1]);
      const count = hunk[2] === undefined ? 1 : Number(hunk[2]);
      for (let n = start; n < start + count; n++) current.add(n);
    }
  }
  return out;
}

/** Git quotes unusual paths C-style: "b/a \"b\"\303\251.md". */
function unquote(name: string): string {
  if (!name.startsWith('"') || !name.endsWith('"')) return name;
  const bytes: number[] = [];
  const body = name.slice(1, -1);
  const simple: Record<string, string> = {
    n: '\n',
    t: '\t',
    r: '\r',
    '"': '"',
    '\\': '\\',
    a: '\x07',
    b: '\b',
    f: '\f',
    v: '\v',
  };
  for (let i = 0; i < body.length; i++) {
    const c = body[i] as string;
    if (c !== '\\') {
      bytes.push(...Buffer.from(c, 'utf8'));
      continue;
    }
    const next = body[i + 1] ?? '';
    const octal = /^[0-7]{3}/.exec(body.slice(i + 1, i + 4));
    if (octal) {
      bytes.push(parseInt(octal[0], 8));
      i += 3;
    } else {
      bytes.push(...Buffer.from(simple[next] ?? next, 'utf8'));
      i += 1;
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

/**
 * The repository's own .git/config may name programs for git to run (core.fsmonitor, textconv
 * and external diff drivers); none of them runs for us, so an untrusted checkout executes nothing.
 */
const NO_REPO_PROGRAMS = ['-c', 'core.fsmonitor=false'];

/**
 * `git diff` runs the clean filter of any driver `.gitattributes` names, and a checkout's own
 * `.git/config` may define one. Filters from the user's global config (git-lfs) are theirs to
 * trust; one defined by the repository itself would run a program from the workspace, so the
 * run stops instead and says which.
 */
function refuseRepositoryFilters(root: string): void {
  const r = nodeChildProcess().spawnSync(
    'git',
    [...NO_REPO_PROGRAMS, 'config', '--local', '--includes', '--get-regexp', '^filter\\.'],
    { cwd: root, encoding: 'utf8' },
  );
  const keys =
    r.status === 0
      ? r.stdout
          .split('\n')
          .map((l) => l.split(' ')[0])
          .filter(Boolean)
      : [];
  if (keys.length > 0)
    throw new InputError(
      `--changed-since: this repository's .git/config defines git filters (${keys.join(', ')}), which git diff would run; overclaim runs nothing from the workspace. Remove them or lint without --changed-since.`,
    );
}

function git(args: string[], cwd: string, what: string): string {
  const r = nodeChildProcess().spawnSync('git', [...NO_REPO_PROGRAMS, ...args], {
    cwd,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  if (r.error)
    throw new InputError(
      `--changed-since: cannot run git (${(r.error as NodeJS.ErrnoException).code ?? r.error.message})`,
    );
  if (r.status !== 0) {
    const detail = r.stderr.trim().split('\n')[0];
    throw new InputError(`--changed-since: ${what}${detail ? ` (${detail})` : ''}`);
  }
  return r.stdout;
}

function canonical(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}
