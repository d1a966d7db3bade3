#!/usr/bin/env node
// Runs the in-editor Mocha suite inside code-server (VS Code 1.100, server build) driven by
// headless Debian Chromium — the real VS Code that installs on machines without internet.
//
//   node test/editor/run-code-server.mjs [--mode dev|packaged|all] [--screenshots DIR]
//                                        [--grep PATTERN] [--timeout SECONDS] [--keep]
//
// dev:      the extension from this folder (extensionDevelopmentPath) + the full suite, with
//           the browser answering the suite's UI checks;
// packaged: dist/overclaim.vsix installed with --install-extension, no development folder,
//           and the packaged-extension suite.
import { existsSync, renameSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { URLSearchParams } from 'node:url';
import { format, parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { ensureCodeServer } from '../../scripts/install-code-server.mjs';
import { installVsix, startCodeServer } from './lib/code-server.mjs';
import { createLayout, removeLayout, ROOT } from './lib/layout.mjs';
import { UI_STEPS } from './lib/ui-steps.mjs';

const UI_REQUEST_PREFIX = '[overclaim-ui] ';
const CHROMIUM = '/usr/bin/chromium';
const DIST = join(ROOT, 'dist');
const SUITES = {
  dev: join(DIST, 'test', 'editor', 'suite', 'index.cjs'),
  packaged: join(DIST, 'test', 'editor', 'packaged', 'index.cjs'),
};
const VSIX = join(DIST, 'overclaim.vsix');
const FAILURE_SHOTS = join(ROOT, '.vscode-test');

// Workbench start-up chatter, and the marketplace (open-vsx.org) being unreachable offline.
const WORKBENCH_NOISE =
  /^(Resolving connection token|Resolved connection token|Creating a socket|Updating additional builtin|\[Service Worker\]|ChatSessionStore|Creation of workbench contribution)|open-vsx\.org/;

const say = (message) => process.stderr.write(`${message}\n`);

function checkBuilt(mode) {
  const needed = [SUITES[mode], ...(mode === 'packaged' ? [VSIX] : [join(DIST, 'extension.cjs')])];
  const missing = needed.filter((file) => !existsSync(file));
  if (missing.length > 0)
    throw new Error(
      `missing ${missing.map((f) => relative(ROOT, f)).join(', ')}; run \`npm run build && npm run package && node scripts/build-editor-tests.mjs\` first`,
    );
}

/** The workbench URL that makes code-server load the extension and call the suite's run(). */
function payloadUrl(origin, mode, layout) {
  const remote = (path) => `vscode-remote://${new URL(origin).host}${path}`;
  // Packaged mode develops an empty stand-in: overclaim must come from the installed .vsix.
  const developed = mode === 'dev' ? ROOT : layout.standIn;
  const payload = [
    ['extensionDevelopmentPath', remote(developed)],
    ['extensionTestsPath', remote(SUITES[mode])],
    ['skipWelcome', 'true'],
  ];
  const query = new URLSearchParams({ folder: layout.workspace, payload: JSON.stringify(payload) });
  return `${origin}/?${query}`;
}

/** The extension host's console calls arrive as their arguments (format string first). */
function formatLog(args) {
  return Array.isArray(args) ? format(...args) : String(args);
}

/** Answers the suite's UI requests one at a time, writing each answer file atomically. */
function uiDriver(page, layout, screenshotsDir) {
  const seen = new Set();
  let queue = Promise.resolve();
  const failures = [];
  const handle = (line) => {
    const at = line.indexOf(UI_REQUEST_PREFIX);
    if (at < 0) return;
    const request = JSON.parse(line.slice(at + UI_REQUEST_PREFIX.length));
    if (seen.has(request.step)) return; // the same line can arrive through two channels
    seen.add(request.step);
    queue = queue.then(async () => {
      const step = UI_STEPS[request.step];
      let answer;
      try {
        if (!step) throw new Error(`unknown UI step ${request.step}`);
        answer = { ok: true, message: await step(page, request, screenshotsDir) };
      } catch (error) {
        answer = { ok: false, message: `${request.step}: ${error.message}` };
        failures.push(answer.message);
        const shot = join(FAILURE_SHOTS, `failed-${request.step}.png`);
        await page.screenshot({ path: shot }).then(
          () => say(`  [ui] page at failure: ${shot}`),
          () => undefined,
        );
      }
      say(`  [ui] ${answer.ok ? 'ok' : 'FAILED'} ${request.step}: ${answer.message}`);
      const file = join(layout.uiDriver, `${request.step}.answer.json`);
      writeFileSync(`${file}.tmp`, JSON.stringify(answer));
      renameSync(`${file}.tmp`, file);
    });
  };
  return { handle, failures, idle: () => queue };
}

/** One run of one mode; resolves with the suite's exit code. */
export async function runInCodeServer({
  mode = 'dev',
  screenshotsDir,
  grep,
  timeoutMs,
  keep = false,
}) {
  checkBuilt(mode);
  const bin = ensureCodeServer();
  const layout = createLayout({
    launcher: 'code-server',
    grep,
    uiDriver: mode === 'dev',
    packaged: mode === 'packaged',
  });
  say(`code-server ${mode}: workspace ${layout.workspace}`);
  const removeOnExit = () => removeLayout(layout);
  if (!keep) process.once('exit', removeOnExit);
  let server;
  let browser;
  const started = Date.now();
  try {
    if (mode === 'packaged') say(await installVsix(bin, VSIX, layout));
    const verbose = process.env.OVERCLAIM_EDITOR_VERBOSE === '1';
    server = await startCodeServer(bin, layout, { log: verbose ? say : undefined });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    });
    const page = await browser.newPage({ viewport: { width: 1360, height: 820 } });
    const driver = uiDriver(page, layout, screenshotsDir);

    let finish;
    const exited = new Promise((resolve) => (finish = resolve));
    await page.exposeFunction('codeAutomationLog', (type, args) => {
      const text = formatLog(args);
      driver.handle(text);
      if (text.startsWith(UI_REQUEST_PREFIX) || (!verbose && WORKBENCH_NOISE.test(text))) return;
      say(`  ${type === 'error' ? '[error] ' : ''}${text}`);
    });
    await page.exposeFunction('codeAutomationExit', (code) => finish(Number(code ?? 1)));
    if (verbose) page.on('console', (m) => say(`  [page ${m.type()}] ${m.text()}`));
    page.on('pageerror', (e) => say(`  [page error] ${e.message}`));

    const timer = setTimeout(() => {
      say(`code-server ${mode}: no result after ${timeoutMs / 1000} s — giving up`);
      finish(124);
    }, timeoutMs);
    await page.goto(payloadUrl(server.origin, mode, layout));
    const code = await exited;
    clearTimeout(timer);
    await driver.idle();
    if (code === 0 && driver.failures.length > 0) {
      say(`code-server ${mode}: UI checks failed: ${driver.failures.join('; ')}`);
      return 1;
    }
    say(`code-server ${mode}: exit ${code} after ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return code;
  } finally {
    await browser?.close().catch(() => undefined);
    await server?.stop();
    process.removeListener('exit', removeOnExit);
    if (keep) say(`kept ${layout.root}`);
    else removeLayout(layout);
  }
}

async function main() {
  const { values } = parseArgs({
    options: {
      mode: { type: 'string', default: 'all' },
      screenshots: { type: 'string' },
      grep: { type: 'string' },
      timeout: { type: 'string', default: '180' },
      keep: { type: 'boolean', default: false },
    },
  });
  const modes = values.mode === 'all' ? ['dev', 'packaged'] : [values.mode];
  if (!modes.every((m) => m in SUITES)) throw new Error(`--mode must be dev, packaged or all`);
  const screenshotsDir = values.screenshots ?? join(ROOT, '.vscode-test', 'screenshots');
  let worst = 0;
  for (const mode of modes) {
    const code = await runInCodeServer({
      mode,
      screenshotsDir,
      grep: values.grep,
      timeoutMs: Number(values.timeout) * 1000,
      keep: values.keep,
    });
    worst ||= code;
  }
  process.exitCode = worst;
}

if (process.argv[1] === import.meta.filename) {
  // Exit (not just die) on a signal, so the exit hooks stop code-server.
  for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => process.exit(130));
  main().catch((error) => {
    say(`run-code-server: ${error.stack ?? error}`);
    process.exitCode = 1;
  });
}
