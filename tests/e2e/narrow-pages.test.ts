import type { Page } from 'playwright-core';
import { describe } from 'vitest';

import { DepartmentModel } from '../../models/department.server';
import { PersonModel } from '../../models/person.server';
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

  test('every staff page fits in Ukrainian too, whose words run longer than English', async ({
    page,
    signInAs,
  }) => {
    const hana = await signInAs('hr-admin');
    await PersonModel.updateOne({ email: hana.email }, { $set: { language: 'uk' } });
    await page.setViewportSize(viewports.narrow);
    const widths = await walkFrom(page, '/surveys');
    expect(await page.locator('html').getAttribute('lang')).toBe('uk');
    expect(Object.keys(widths).length).toBeGreaterThan(25);
    const tooWide = Object.entries(widths).filter(([, width]) => width > viewports.narrow.width);
    expect(tooWide).toEqual([]);
  });

  test('every employee and public page fits, and its controls are 44px targets', async ({
    page,
    problems,
    database,
  }) => {
    void database;
    // Unknown links and pages answer 404 with a page of their own, which must fit too.
    problems.allowStatus(404);
    problems.allowStatus(400);
    await page.setViewportSize(viewports.narrow);
    const boards = await DepartmentModel.find({ boardKey: { $ne: null } }, { boardKey: 1 })
      .limit(3)
      .lean();
    expect(boards.length).toBeGreaterThan(0);
    const pages = [
      '/',
      '/login',
      '/forgot-password',
      '/board',
      ...boards.map((board) => `/board/${board.boardKey ?? ''}`),
      '/receipt',
      '/a/not-a-real-link',
      '/k/not-a-real-kiosk',
      '/no-such-page',
    ];
    const problemsFound: string[] = [];
    for (const path of pages) {
      await page.goto(path);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      if (width > viewports.narrow.width) problemsFound.push(`${path} is ${width}px wide`);
      const small = await page
        .locator('main button, main input:not([type=hidden]), main select, main summary')
        .evaluateAll((controls) =>
          controls
            .filter((control) => {
              const box = control.getBoundingClientRect();
              // A checkbox or radio is reached through its label, which is the target.
              const target = control.closest('label')?.getBoundingClientRect() ?? box;
              return box.width > 0 && target.height < 44;
            })
            .map((control) => control.outerHTML.slice(0, 80)),
        );
      for (const control of small) problemsFound.push(`${path}: ${control} is under 44px`);
    }
    // A wrong receipt code is refused on the page, which must fit as well.
    await page.goto('/receipt');
    await page.getByLabel('Receipt code').fill('AAAA-BBBB-CCCC-DDDD');
    await page.getByRole('button', { name: 'Show replies' }).click();
    await page.getByText('We could not find that code. Check it and try again.').waitFor();
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    if (width > viewports.narrow.width) problemsFound.push(`refused receipt is ${width}px wide`);
    expect(problemsFound).toEqual([]);
  });
});
