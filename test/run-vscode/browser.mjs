// Headless Debian Chromium driven by playwright-core. Opening the workbench in a browser is what
// makes code-server start the extension host, so both the integration and the UI runner need it.
import { chromium } from 'playwright-core';
import { CHROMIUM } from './install-tools.mjs';

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Launches Chromium; playwright closes it when this process exits or is interrupted. */
export function launchBrowser() {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
}

/**
 * Opens the workbench at `url` in a fresh browser context and waits until it is drawn.
 * @param {import('playwright-core').Browser} browser
 * @param {string} url
 * @param {{ onConsole?: (text: string) => void, timeoutMs?: number }} [o]
 */
export async function openWorkbench(browser, url, o = {}) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  if (o.onConsole) {
    page.on('console', (msg) => o.onConsole(msg.text()));
    page.on('pageerror', (err) => o.onConsole(`[page error] ${err.message}`));
  }
  await page.goto(url, { waitUntil: 'domcontentloaded', timeout: o.timeoutMs ?? 60_000 });
  await page
    .locator('.monaco-workbench')
    .first()
    .waitFor({ timeout: o.timeoutMs ?? 60_000 });
  return { context, page };
}
