// The HTML review report, opened in headless Chromium (Debian's, driven by playwright-core)
// and read as a reviewer would: summary counts, highlighted passages, explanations, evidence
// links, no scripts, no network. Also keeps the README screenshot up to date.
/* global document, getComputedStyle, DOMParser -- these run inside the page (page.evaluate) */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { OVERCLAIMING, root, run, tempDir } from './helpers.mjs';

const CHROMIUM = '/usr/bin/chromium';
const SCREENSHOT = join(root, 'docs', 'images', 'review-report.png');
// A fixed date keeps the report, and so the screenshot, the same from run to run.
const env = { SOURCE_DATE_EPOCH: '1767225600' };

const HOSTILE = [
  '# <script>alert("x")</script> Ketamine cures depression',
  '',
  'Our infusions <img src="https://tracker.example/p.gif" onerror="alert(1)"> work for everyone & are "100% safe".',
  '',
].join('\n');

let browser;

before(async () => {
  assert.ok(existsSync(CHROMIUM), `${CHROMIUM} is missing: run scripts/setup-system.sh`);
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
});

after(async () => {
  await browser?.close();
});

/** Opens a report file; every request other than the file itself is recorded and refused. */
async function open(file, options = {}) {
  const page = await browser.newPage({ viewport: { width: 1100, height: 1400 }, ...options });
  const requests = [];
  const target = pathToFileURL(file).href;
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url === target) return route.continue();
    requests.push(url);
    return route.abort();
  });
  await page.goto(target);
  return { page, requests };
}

function report(args, cwd = root) {
  const dir = tempDir();
  const file = join(dir, 'report.html');
  const r = run(['--format', 'html', '-o', file, ...args], { cwd, env });
  assert.ok(r.code === 0 || r.code === 1, r.stderr);
  assert.equal(r.stdout, '');
  const json = JSON.parse(run(['--format', 'json', ...args], { cwd }).stdout);
  return { file, json, html: readFileSync(file, 'utf8') };
}

describe('--format html review report (Chromium)', () => {
  it('shows the summary, every finding highlighted in context, and its explanation', async () => {
    const { file, json } = report(['examples']);
    const { page, requests } = await open(file);
    try {
      assert.match(await page.title(), /Claims review/);
      assert.equal(await page.locator('h1').innerText(), 'Claims review report');
      const total = async (key) =>
        Number(await page.locator(`[data-total="${key}"] .n`).innerText());
      assert.equal(await total('files'), json.summary.files);
      assert.equal(await total('error'), json.summary.errors);
      assert.equal(await total('warning'), json.summary.warnings);
      assert.equal(await total('info'), json.summary.infos);
      assert.equal(await total('suppressed'), json.summary.suppressed);
      assert.match(await page.locator('.verdict').innerText(), /Not ready to publish/);

      const findings = json.files.flatMap((f) => f.findings);
      const byRule = {};
      for (const f of findings) byRule[f.ruleId] = (byRule[f.ruleId] ?? 0) + 1;
      const rows = await page
        .locator('table.by-rule tbody tr')
        .evaluateAll((trs) =>
          trs.map((tr) => [
            tr.dataset.rule,
            [...tr.querySelectorAll('td.num')].reduce(
              (n, td) => n + (Number(td.textContent) || 0),
              0,
            ),
          ]),
        );
      assert.deepEqual(Object.fromEntries(rows), byRule);

      // One numbered marker and one card per finding; highlights on the flagged words.
      assert.equal(await page.locator('.source .marker').count(), findings.length);
      assert.equal(await page.locator('li.finding').count(), findings.length);
      assert.ok((await page.locator('.source mark').count()) >= findings.length);
      const flagged = json.files.filter((f) => f.findings.length > 0);
      assert.equal(await page.locator('section.doc').count(), flagged.length);

      const landing = json.files.find((f) => f.path === 'examples/clinic-landing-page.md');
      const index = flagged.indexOf(landing) + 1;
      const cure = landing.findings.findIndex((f) => f.ruleId === 'cure-claim') + 1;
      const card = page.locator(`#doc-${index}-f${cure}`);
      const cardText = await card.innerText();
      assert.match(cardText, /cure-claim/);
      assert.match(cardText, /WHAT THE EVIDENCE SUPPORTS/i);
      assert.match(cardText, /SUGGESTED CHANGE/i);
      assert.match(cardText, /safe to apply with --fix/);
      assert.equal(
        await card.locator('a.rule').getAttribute('href'),
        'https://github.com/overclaim/overclaim/blob/main/docs/rules/cure-claim.md',
      );
      const sourceLinks = await card
        .locator('a.src-link')
        .evaluateAll((as) => as.map((a) => a.href));
      assert.ok(sourceLinks.length > 0 && sourceLinks.every((h) => /^https:\/\//.test(h)));
      const marked = await page
        .locator(`#doc-${index} mark[data-findings~="${cure}"]`)
        .evaluateAll((ms) => ms.map((m) => m.textContent).join(''));
      assert.equal(marked, landing.findings[cure - 1].text);
      // The marker in the draft and the card link to each other.
      assert.equal(
        await page.locator(`#doc-${index}-m${cure}`).getAttribute('href'),
        `#doc-${index}-f${cure}`,
      );

      assert.deepEqual(requests, [], 'the report makes no network requests');
      assert.equal(await page.evaluate(() => document.scripts.length), 0);
      assert.equal(await page.locator('link[rel=stylesheet], img, iframe, object').count(), 0);

      await page.screenshot({
        path: SCREENSHOT,
        clip: { x: 0, y: 0, width: 1100, height: 1800 },
        fullPage: true,
      });
    } finally {
      await page.close();
    }
  });

  it('shows hostile text as text: no markup, scripts or requests from the draft', async () => {
    const dir = tempDir({ '<b>odd</b> & "name".md': HOSTILE });
    const { file, json } = report(['.'], dir);
    const { page, requests } = await open(file);
    try {
      assert.deepEqual(requests, []);
      assert.equal(await page.evaluate(() => document.scripts.length), 0);
      assert.equal(await page.locator('img, b').count(), 0);
      const text = await page.locator('body').innerText();
      assert.ok(text.includes('<script>alert("x")</script>'), 'the heading is shown literally');
      assert.ok(text.includes('<img src="https://tracker.example/p.gif" onerror="alert(1)">'));
      assert.ok(text.includes('<b>odd</b> & "name".md'));
      assert.equal(await page.locator('.source .marker').count(), json.files[0].findings.length);
    } finally {
      await page.close();
    }
  });

  it('prints: each draft on its own page, highlights and link targets kept', async () => {
    const dir = tempDir({ 'a.md': OVERCLAIMING, 'b.md': HOSTILE });
    const { file } = report(['.'], dir);
    const { page } = await open(file);
    try {
      await page.emulateMedia({ media: 'print' });
      const style = await page.evaluate(() => {
        const doc = document.querySelector('section.doc');
        const mark = document.querySelector('.source mark');
        const src = document.querySelector('a.src-link');
        return {
          breakBefore: getComputedStyle(doc).breakBefore,
          markBackground: getComputedStyle(mark).backgroundColor,
          linkAfter: src ? getComputedStyle(src, '::after').content : 'none',
        };
      });
      assert.equal(style.breakBefore, 'page');
      assert.notEqual(style.markBackground, 'rgba(0, 0, 0, 0)');
      assert.match(style.linkAfter, /attr\(href\)|https:/);
      const pdf = await page.pdf({ format: 'A4' });
      const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
      assert.ok(pages >= 3, `${pages} printed pages`);
    } finally {
      await page.close();
    }
  });

  it('JUnit output is well-formed XML (parsed by the browser)', async () => {
    const dir = tempDir({ 'a.md': OVERCLAIMING, 'x<&>.md': HOSTILE });
    const xml = run(['--format', 'junit', '--fail-on', 'info', '.'], { cwd: dir }).stdout;
    const page = await browser.newPage();
    try {
      const parsed = await page.evaluate((source) => {
        const doc = new DOMParser().parseFromString(source, 'application/xml');
        return {
          error: doc.querySelector('parsererror')?.textContent ?? null,
          cases: [...doc.querySelectorAll('testcase')].map((c) => c.getAttribute('name')),
          failures: doc.querySelectorAll('failure').length,
        };
      }, xml);
      assert.equal(parsed.error, null);
      assert.deepEqual(parsed.cases, ['a.md', 'x<&>.md']);
      assert.ok(parsed.failures > 3);
    } finally {
      await page.close();
    }
  });
});
