#!/usr/bin/env node
// Installs code-server (a real VS Code, server build) outside the project's dependency tree so
// the in-editor tests can run on machines that cannot download desktop VS Code. Idempotent.
// The steps follow docs/editor-tests.md: Debian's ripgrep stands in for the GitHub download,
// and two npm settings let the post-install scripts run unattended as root.
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CODE_SERVER_VERSION = '4.100.3';
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const INSTALL_DIR = join(ROOT, '.vscode-test', 'code-server');
export const CODE_SERVER_BIN = join(INSTALL_DIR, 'node_modules', '.bin', 'code-server');

// Pinned by lib/vscode's shrinkwrap in code-server 4.100.3 (@vscode/ripgrep 1.15.11).
const RIPGREP_CACHE = join(tmpdir(), 'vscode-ripgrep-cache-1.15.11');
const RIPGREP_ASSET = 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz';

const log = (message) => process.stderr.write(`install-code-server: ${message}\n`);

function fail(message) {
  log(`FAILED: ${message}`);
  process.exit(1);
}

function installedVersion() {
  const manifest = join(INSTALL_DIR, 'node_modules', 'code-server', 'package.json');
  if (!existsSync(manifest) || !existsSync(CODE_SERVER_BIN)) return undefined;
  // The bundled VS Code is the part that the post-install builds; without it nothing runs.
  const vscodeModules = join(
    INSTALL_DIR,
    'node_modules',
    'code-server',
    'lib',
    'vscode',
    'node_modules',
  );
  if (!existsSync(vscodeModules)) return undefined;
  return JSON.parse(readFileSync(manifest, 'utf8')).version;
}

function checkPrerequisites() {
  const missing = [];
  if (!existsSync('/usr/bin/rg')) missing.push('ripgrep (/usr/bin/rg)');
  if (!existsSync('/usr/include/gssapi/gssapi.h')) missing.push('libkrb5-dev (gssapi/gssapi.h)');
  if (missing.length > 0)
    fail(`missing Debian packages: ${missing.join(', ')}. Run scripts/setup-system.sh first.`);
}

/** A tarball holding Debian's rg as `rg`, where @vscode/ripgrep looks before downloading. */
function seedRipgrepCache() {
  const asset = join(RIPGREP_CACHE, RIPGREP_ASSET);
  if (existsSync(asset)) {
    log(`ripgrep cache already present: ${asset}`);
    return;
  }
  mkdirSync(RIPGREP_CACHE, { recursive: true });
  const staging = mkdtempSync(join(tmpdir(), 'overclaim-rg-'));
  try {
    copyFileSync('/usr/bin/rg', join(staging, 'rg'));
    execFileSync('tar', ['-czf', asset, '-C', staging, 'rg']);
    log(`wrote ripgrep cache from /usr/bin/rg: ${asset}`);
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

function installCodeServer() {
  mkdirSync(INSTALL_DIR, { recursive: true });
  log(`npm install code-server@${CODE_SERVER_VERSION} into ${INSTALL_DIR} (about a minute)…`);
  const result = spawnSync(
    'npm',
    [
      'install',
      '--prefix',
      INSTALL_DIR,
      '--no-save',
      '--no-audit',
      '--no-fund',
      '--loglevel=error',
      `code-server@${CODE_SERVER_VERSION}`,
    ],
    {
      stdio: ['ignore', 'inherit', 'inherit'],
      env: {
        ...process.env,
        // Its post-install refuses to run as root without this.
        npm_config_unsafe_perm: 'true',
        // node-pty's post-install runs `npx node-gyp`, which would wait for a prompt.
        npm_config_yes: 'true',
      },
    },
  );
  if (result.error) fail(`could not run npm: ${result.error.message}`);
  if (result.status !== 0) fail(`npm install exited with ${result.status}`);
}

export function ensureCodeServer() {
  const version = installedVersion();
  if (version === CODE_SERVER_VERSION) {
    log(`code-server ${version} already installed at ${INSTALL_DIR}`);
    return CODE_SERVER_BIN;
  }
  if (version) log(`found code-server ${version}; replacing with ${CODE_SERVER_VERSION}`);
  checkPrerequisites();
  seedRipgrepCache();
  installCodeServer();
  const after = installedVersion();
  if (after !== CODE_SERVER_VERSION)
    fail(
      `code-server ${CODE_SERVER_VERSION} is not usable after the install (found ${after ?? 'nothing'})`,
    );
  log(`code-server ${after} ready: ${CODE_SERVER_BIN}`);
  return CODE_SERVER_BIN;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) ensureCodeServer();
