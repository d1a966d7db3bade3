// The browser side of the UI checks (the suite side is test/editor/suite/ui.test.ts). Each step
// looks at the page the way a person would, optionally saves a screenshot, and says what it saw.
/* global document, NodeFilter -- the functions given to page.evaluate run in the browser */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

const WAIT = { timeout: 20_000 };

export const SCREENSHOTS = {
  diagnostics: 'editor-diagnostics.png',
  hover: 'editor-hover.png',
  quickfix: 'editor-quickfix.png',
};

/** Waits for fade-ins to end (infinite ones, like the cursor blink, excepted). */
function animationsDone(page) {
  return page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((a) => a.effect?.getComputedTiming().endTime !== Infinity)
        .map((a) => a.finished.catch(() => undefined)),
    ),
  );
}

async function screenshot(page, dir, step) {
  await animationsDone(page);
  if (!dir) return undefined;
  mkdirSync(dir, { recursive: true });
  const path = join(dir, SCREENSHOTS[step]);
  await page.screenshot({ path });
  return path;
}

const editor = (page) => page.locator('.editor-instance .monaco-editor').first();

/** Squiggles in the editor and the finding listed in the Problems panel. */
async function diagnostics(page, request, dir) {
  await editor(page).locator('.squiggly-error').first().waitFor(WAIT);
  const warnings = await editor(page).locator('.squiggly-warning').count();
  const row = page
    .locator('.markers-panel .monaco-list-row')
    .filter({ hasText: request.problem })
    .first();
  await row.waitFor(WAIT);
  const rows = await page.locator('.markers-panel .monaco-list-row').count();
  const file = page.locator('.markers-panel .monaco-list-row').filter({ hasText: request.file });
  await file.first().waitFor(WAIT);
  // The summary code lens is drawn after the diagnostics arrive.
  await editor(page)
    .locator('.codelens-decoration')
    .filter({ hasText: request.lens })
    .first()
    .waitFor(WAIT);
  const saved = await screenshot(page, dir, 'diagnostics');
  return `squiggles shown (errors and ${warnings} warning squiggles); Problems panel lists ${rows} rows including ${request.file}${saved ? `; saved ${saved}` : ''}`;
}

/** Where a word is drawn in the editor, found in the rendered text (not guessed from fonts). */
function wordBox(page, word) {
  return page.evaluate((wanted) => {
    for (const line of document.querySelectorAll('.editor-instance .monaco-editor .view-line')) {
      const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent.indexOf(wanted);
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + wanted.length);
        const box = range.getBoundingClientRect();
        return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
      }
    }
    return null;
  }, word);
}

/** The mouse rests on a flagged word; the hover shows the claim card with source links. */
async function hover(page, request, dir) {
  const at = await wordBox(page, request.word);
  if (!at) throw new Error(`"${request.word}" is not visible in the editor`);
  await page.mouse.move(at.x, at.y + 40);
  await page.mouse.move(at.x, at.y, { steps: 5 });
  const card = page.locator('.monaco-hover').filter({ hasText: request.expect }).first();
  await card.waitFor({ state: 'visible', ...WAIT });
  const links = await card.locator('a[href^="http"], a[data-href^="http"]').count();
  if (links === 0) throw new Error('the hover card shows no source links');
  const saved = await screenshot(page, dir, 'hover');
  await page.mouse.move(5, 5);
  await page.keyboard.press('Escape');
  await card.waitFor({ state: 'hidden', ...WAIT });
  return `hover card shows "${request.expect}" with ${links} links${saved ? `; saved ${saved}` : ''}`;
}

/** Ctrl+. on the flagged word opens the quick-fix menu with the rewording. */
async function quickfix(page, request, dir) {
  await page.keyboard.press('Control+Period');
  const menu = page.locator('.action-widget').filter({ hasText: request.expect }).first();
  await menu.waitFor({ state: 'visible', ...WAIT });
  const items = await menu.locator('.monaco-list-row.action').count();
  const saved = await screenshot(page, dir, 'quickfix');
  await page.keyboard.press('Escape');
  await menu.waitFor({ state: 'hidden', ...WAIT });
  return `quick-fix menu lists "${request.expect}…" among ${items} rows${saved ? `; saved ${saved}` : ''}`;
}

export const UI_STEPS = { diagnostics, hover, quickfix };
