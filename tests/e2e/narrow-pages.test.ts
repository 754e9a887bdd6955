import type { Page } from 'playwright-core';
import { describe } from 'vitest';

import { expect, test, viewports } from './harness/fixtures';

// Every staff page must fit a 360px phone without scrolling sideways. Rather than a list that
// goes stale, the test walks the demo organisation from the main navigation, following links
// within the staff area, so a new page is checked as soon as something links to it.

const pagesToVisit = 70;
const skipped = /\.csv|\/logout|\/language/;

async function walkFrom(page: Page, start: string): Promise<Record<string, number>> {
  const widths: Record<string, number> = {};
  const queue = [start];
  const queued = new Set(queue);
  while (queue.length > 0 && Object.keys(widths).length < pagesToVisit) {
    const link = queue.shift() ?? start;
    const response = await page.goto(link);
    if (!response?.ok()) continue;
    widths[link] = await page.evaluate(() => document.documentElement.scrollWidth);
    const links = await page
      .locator('nav a[href^="/"], main a[href^="/"]')
      .evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute('href') ?? ''));
    // Query strings mostly pick filters of a page already queued: one visit per path, with the
    // query of the first link to it (some pages, such as raising an action, need theirs).
    for (const link of links) {
      const linkPath = link.split('?')[0] ?? '';
      if (!linkPath || skipped.test(linkPath) || queued.has(linkPath)) continue;
      queued.add(linkPath);
      queue.push(link);
    }
  }
  return widths;
}

describe('on a 360px phone', () => {
  test('every staff page an HR admin reaches fits without scrolling sideways', async ({
    page,
    signInAs,
  }) => {
    await signInAs('hr-admin');
    await page.setViewportSize(viewports.narrow);
    const widths = await walkFrom(page, '/surveys');
    // The walk must have reached every area, or it proves little.
    for (const area of ['/surveys/', '/insights', '/actions/', '/people/', '/settings'])
      expect(Object.keys(widths).some((path) => path.startsWith(area))).toBe(true);
    expect(Object.keys(widths).length).toBeGreaterThan(25);
    const tooWide = Object.entries(widths).filter(([, width]) => width > viewports.narrow.width);
    expect(tooWide).toEqual([]);
  });
});
