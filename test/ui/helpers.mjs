// Reusable playwright-core helpers for UI checks against the code-server workbench. They poll the
// DOM (never sleep for a fixed time) and throw with a clear message when the time limit passes.
import fs from 'node:fs';
import path from 'node:path';

// Generous: on a loaded 2-core machine code-server's file search alone can take half a minute.
const DEFAULT_TIMEOUT = 60_000;

/** Modifier key for shortcuts (code-server in Chromium on Linux uses Control). */
const MOD = 'Control';

/**
 * Opens a workspace file through Quick Open (Ctrl+P), like a person would, and waits until its
 * editor tab is active.
 * @param {import('playwright-core').Page} page
 * @param {string} fileName e.g. 'main.tf'
 */
export async function openFile(page, fileName, timeout = DEFAULT_TIMEOUT) {
  await focusWorkbench(page);
  await page.keyboard.press(`${MOD}+P`);
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout });
  // Wait for the file to be listed before accepting, or Enter may pick nothing. Quick Open searches
  // the workspace; when that search is slow to answer, typing again restarts it.
  const row = page.locator('.quick-input-list .monaco-list-row', { hasText: path.basename(fileName) }).first();
  const deadline = Date.now() + timeout;
  for (;;) {
    await input.fill(fileName);
    try {
      await row.waitFor({ timeout: Math.max(1, Math.min(15_000, deadline - Date.now())) });
      break;
    } catch (e) {
      if (Date.now() >= deadline) {
        throw new Error(`Quick Open did not list ${fileName}: ${e.message}`);
      }
      await input.fill('');
    }
  }
  await page.keyboard.press('Enter');
  await page.locator('.tabs-container .tab.active', { hasText: path.basename(fileName) }).waitFor({ timeout });
  await page.locator('.editor-instance .monaco-editor .view-lines').first().waitFor({ timeout });
}

/**
 * Opens a file by double-clicking it in the Explorer, as a person would. (Quick Open depends on the
 * file search, which can take long to index on a busy machine.)
 */
export async function openFromExplorer(page, name, timeout = DEFAULT_TIMEOUT) {
  const row = page.locator('.explorer-folders-view .monaco-list-row', { hasText: name }).first();
  await row.waitFor({ timeout });
  await row.dblclick();
  await page.locator('.tabs-container .tab.active', { hasText: name }).waitFor({ timeout });
  await page.locator('.editor-instance .monaco-editor .view-lines').first().waitFor({ timeout });
}

/**
 * Runs a command from the Command Palette (F1), by typing its title and pressing Enter on the
 * matching entry.
 * @param {import('playwright-core').Page} page
 * @param {string} title as shown in the palette, e.g. 'CLOUD Act Lens: Show Report'
 */
export async function runCommand(page, title, timeout = DEFAULT_TIMEOUT) {
  await focusWorkbench(page);
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout });
  await input.fill(`>${title}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor({ timeout });
  await page.keyboard.press('Enter');
  await input.waitFor({ state: 'hidden', timeout });
}

/**
 * Waits until the active editor shows a squiggle and returns its locator.
 * @param {import('playwright-core').Page} page
 * @param {'warning'|'error'|'info'|'hint'|'any'} [kind]
 */
export async function waitForSquiggle(page, kind = 'any', timeout = DEFAULT_TIMEOUT) {
  const selector =
    kind === 'any'
      ? '.monaco-editor .squiggly-warning, .monaco-editor .squiggly-error, .monaco-editor .squiggly-info, .monaco-editor .squiggly-hint'
      : `.monaco-editor .squiggly-${kind}`;
  const squiggle = page.locator(selector).first();
  await squiggle.waitFor({ state: 'attached', timeout });
  return squiggle;
}

/**
 * Hovers the middle of an element (e.g. a squiggle) and returns the text of the hover widget once
 * it has content. Squiggles are thin overlays, so we move the mouse to their box rather than
 * using locator.hover(), which may be intercepted by the text layer drawn above them.
 * @param {import('playwright-core').Page} page
 * @param {import('playwright-core').Locator} target
 */
export async function hoverText(page, target, timeout = DEFAULT_TIMEOUT) {
  const deadline = Date.now() + timeout;
  const hover = page.locator('.monaco-hover:not(.hidden)').first();
  for (;;) {
    const box = await target.boundingBox();
    if (box) {
      await page.mouse.move(box.x + box.width / 2 + 1, box.y + box.height / 2);
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      try {
        await hover.waitFor({ state: 'visible', timeout: 3_000 });
        const text = (await hover.innerText()).trim();
        if (text) {
          return text;
        }
      } catch {
        // not shown yet: move away and try again
      }
    }
    if (Date.now() > deadline) {
      throw new Error('timed out waiting for the hover to show text');
    }
    await page.mouse.move(0, 0);
  }
}

/**
 * Finds the frame of a webview (e.g. our report) whose document contains `text`. Webviews are
 * nested iframes; the content frame is the innermost one.
 * @param {import('playwright-core').Page} page
 * @param {string} text
 * @returns {Promise<import('playwright-core').Frame>}
 */
export async function findWebviewFrame(page, text, timeout = DEFAULT_TIMEOUT) {
  const deadline = Date.now() + timeout;
  for (;;) {
    for (const frame of page.frames()) {
      if (frame === page.mainFrame()) {
        continue;
      }
      const body = await frame
        .locator('body')
        .innerText({ timeout: 1_000 })
        .catch(() => '');
      if (body.includes(text)) {
        return frame;
      }
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting for a webview containing "${text}"`);
    }
    await page.waitForTimeout(250);
  }
}

/** Text of the Problems panel rows (opens the panel with Ctrl+Shift+M). */
export async function problemsText(page, timeout = DEFAULT_TIMEOUT) {
  await focusWorkbench(page);
  await page.keyboard.press(`${MOD}+Shift+M`);
  const rows = page.locator('.markers-panel .monaco-list-row');
  await rows.first().waitFor({ timeout });
  return (await rows.allInnerTexts()).join('\n');
}

/**
 * Saves a screenshot under test-results/ui/<name>.png and returns its path.
 * @param {import('playwright-core').Page} page
 * @param {string} dir
 * @param {string} name
 */
export async function screenshot(page, dir, name) {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

/**
 * Scrolls a report section into view. The report replaces its body when a newer scan arrives (for
 * example the workspace scan finishing after the open file's), which can detach the element mid-way;
 * the locator then finds the new one on the next try. The webview's frame itself can be replaced too
 * ("Frame was detached"): given a function, the locator is made again, in the frame found again.
 * @param {import('playwright-core').Locator | (() => Promise<import('playwright-core').Locator>)} locator
 */
export async function scrollIntoView(locator, attempts = 3) {
  for (let i = 1; ; i++) {
    try {
      const target = typeof locator === 'function' ? await locator() : locator;
      await target.scrollIntoViewIfNeeded({ timeout: 10_000 });
      return;
    } catch (e) {
      if (i >= attempts) {
        throw e;
      }
    }
  }
}

async function focusWorkbench(page) {
  // Close any open quick input or hover so the shortcut reaches the workbench.
  await page.keyboard.press('Escape');
}
