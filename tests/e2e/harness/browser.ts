import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';

import { type Browser, chromium, type Page } from 'playwright-core';

const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

// Quiet, deterministic, offline: nothing the browser does on its own shows up as noise.
const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-quic',
  '--no-first-run',
  '--disable-component-update',
  '--disable-sync',
];

export function assertChromiumInstalled(): void {
  if (!existsSync(chromiumPath)) {
    throw new Error(
      `Chromium is not installed at ${chromiumPath}. Install it (as root) with: apt-get update && apt-get install -y chromium`,
    );
  }
}

/** Headless Chromium; Playwright gives each launch a fresh, temporary user-data-dir. */
export async function launchChromium(): Promise<Browser> {
  assertChromiumInstalled();
  return chromium.launch({ executablePath: chromiumPath, headless: true, args: chromiumArgs });
}

/** Problems a page reports: uncaught errors, console errors, failed or refused requests. */
export interface PageProblems {
  list: string[];
  /** Accept responses with this status (e.g. a test that visits a missing page expects 404). */
  allowStatus(status: number): void;
}

export function watchForProblems(page: Page): PageProblems {
  const list: string[] = [];
  const allowed = new Set<number>();
  page.on('pageerror', (error) => list.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    // Chromium reports every 4xx/5xx response on the console too; statuses are judged below.
    if (
      /^Failed to load resource: the server responded with a status of (\d+)/.test(message.text())
    ) {
      const status = Number(/status of (\d+)/.exec(message.text())?.[1]);
      if (allowed.has(status)) return;
    }
    list.push(`console error: ${message.text()}`);
  });
  page.on('requestfailed', (request) => {
    const failure = request.failure()?.errorText ?? 'failed';
    // A navigation cancels in-flight prefetches; that is the browser's choice, not a failure.
    if (failure === 'net::ERR_ABORTED') return;
    list.push(`request failed: ${request.method()} ${request.url()} (${failure})`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400 && !allowed.has(response.status())) {
      list.push(`HTTP ${response.status()}: ${response.request().method()} ${response.url()}`);
    }
  });
  return { list, allowStatus: (status) => allowed.add(status) };
}

const screenshotDir = path.resolve(import.meta.dirname, '..', 'screenshots');

/** Saves a full-page screenshot as tests/e2e/screenshots/<name>.png and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(screenshotDir, { recursive: true });
  const file = path.join(
    screenshotDir,
    `${name
      .replace(/[^\w-]+/g, '-')
      .replace(/^-|-$/g, '')
      .toLowerCase()}.png`,
  );
  await page.screenshot({ path: file, fullPage: true });
  return file;
}
