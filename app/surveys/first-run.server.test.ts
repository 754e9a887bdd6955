import { describe, expect, it } from 'vitest';

import { makeDepartment, makePerson } from '../../tests/factories/organisation';
import { makeSurvey } from '../../tests/factories/survey';
import { setupTestDatabase } from '../../tests/support/test-database';
import { createFirstAdmin } from '../auth/first-admin.server';
import { firstRunChecklist } from './first-run.server';
import { sendFirstCycleNow } from './send-now.server';

setupTestDatabase('first-run');

const delivery = { send: () => Promise.resolve(), appUrl: 'https://pulse.example' };

async function ticks() {
  return Object.fromEntries((await firstRunChecklist()).map((item) => [item.step, item.done]));
}

describe('firstRunChecklist', () => {
  it('ticks each step from the data as the organisation is set up', async () => {
    await createFirstAdmin({ name: 'Ana', email: 'ana@example.com', password: 'long password!' });
    // The first admin's own People & Culture is one department serving others, not enough.
    expect(await ticks()).toEqual({
      people: false,
      services: false,
      survey: false,
      start: false,
      send: false,
    });

    const kitchen = await makeDepartment('Kitchen');
    await makePerson({ name: 'Kai', departmentId: kitchen._id });
    expect(await ticks()).toMatchObject({ people: true, services: false });

    await makeDepartment('IT', { kind: 'support' });
    expect(await ticks()).toMatchObject({ services: true, survey: false });

    const draft = await makeSurvey({ status: 'draft', audienceIds: [kitchen._id] });
    const checklist = await firstRunChecklist();
    expect(checklist.find((item) => item.step === 'survey')?.done).toBe(true);
    // "Start it" leads to the draft to start.
    expect(checklist.find((item) => item.step === 'start')).toMatchObject({
      done: false,
      to: `/surveys/${String(draft._id)}`,
    });

    const active = await makeSurvey({ status: 'active', audienceIds: [kitchen._id] });
    const started = await firstRunChecklist();
    expect(started.find((item) => item.step === 'start')?.done).toBe(true);
    expect(started.find((item) => item.step === 'send')).toMatchObject({
      done: false,
      to: `/surveys/${String(active._id)}/cycles`,
    });

    await sendFirstCycleNow(String(active._id), new Date('2026-01-05T12:00:00Z'), { delivery });
    expect(Object.values(await ticks())).toEqual([true, true, true, true, true]);
  });

  it('links every step to the page where it is done', async () => {
    const links = Object.fromEntries(
      (await firstRunChecklist()).map((item) => [item.step, item.to]),
    );
    expect(links).toEqual({
      people: '/people/import',
      services: '/people/departments',
      survey: '/surveys/new',
      start: '/surveys/new',
      send: '/surveys',
    });
  });
});
