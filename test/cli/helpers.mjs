// Shared by the CLI tests: run the built binary as a user would, and make throwaway folders.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export const root = join(import.meta.dirname, '..', '..');
export const cli = join(root, 'dist', 'cli.cjs');

export function run(args, { cwd = root, input, env = {} } = {}) {
  const r = spawnSync(process.execPath, [cli, ...args], {
    cwd,
    input,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', ...env },
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A temporary folder with these files (string or Buffer contents). */
export function tempDir(files = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'overclaim-cli-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

/** A draft with overclaims of every kind the fixer and the formats care about. */
export const OVERCLAIMING =
  '# Ketamine: a cure for depression\n\nOur ketamine infusions are the cure for depression and work for everyone. Oral ketamine works as well as IV. Results are guaranteed, 100% effective, with no side effects.\n';

export const BALANCED =
  'Ketamine may ease symptoms for some adults. Side effects include dissociation and raised blood pressure. This is not medical advice; talk to your clinician.\n';
