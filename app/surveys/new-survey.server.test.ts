import { describe, expect, it } from 'vitest';

import { makeDepartment } from '../../tests/factories/organisation';
import { setupTestDatabase } from '../../tests/support/test-database';
import { saveSettings } from '../settings/organisation.server';
import { startSurvey } from './new-survey.server';
import { getSurvey } from './surveys.server';

setupTestDatabase('new-survey');

const now = new Date('2026-01-05T23:30:00Z');

async function settle(fields: Record<string, string | string[]>) {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) {
    for (const item of Array.isArray(value) ? value : [value]) data.append(name, item);
  }
  const result = await saveSettings(data);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
}

describe('a new survey starts from the organisation settings', () => {
  it('takes the languages, threshold, time zone and reminder', async () => {
    await makeDepartment('Operations');
    await makeDepartment('IT', { kind: 'support' });
    await settle({
      organisationName: 'Nordlys',
      anonymityThreshold: '7',
      languages: ['nb', 'en'],
      defaultLanguage: 'nb',
      timeZone: 'America/Sao_Paulo',
      reminderDaysBeforeClose: '3',
    });
    const result = await startSurvey('internal-service-quality', now);
    if (!result.ok) throw new Error(result.message);
    const definition = (await getSurvey(result.surveyId))?.definition;
    expect(definition).toMatchObject({
      languages: ['nb', 'en'],
      defaultLanguage: 'nb',
      anonymityThreshold: 7,
    });
    // 23:30 UTC on the 5th is still the 5th in São Paulo: the survey starts on the 6th.
    expect(definition?.schedule).toMatchObject({
      timeZone: 'America/Sao_Paulo',
      startDate: '2026-01-06',
      openHour: 9,
      reminderDaysBeforeClose: 3,
    });
    for (const question of definition?.questions ?? []) {
      expect(Object.keys(question.text).sort()).toEqual(['en', 'nb']);
    }
    expect(Object.keys(definition?.title ?? {}).sort()).toEqual(['en', 'nb']);
  });

  it('writes a blank survey in the main language, with the reminder kept inside the window', async () => {
    await makeDepartment('Operations');
    await settle({
      organisationName: '',
      anonymityThreshold: '3',
      languages: ['pl'],
      defaultLanguage: 'pl',
      timeZone: 'Europe/Warsaw',
      reminderDaysBeforeClose: '30',
    });
    const result = await startSurvey('blank', now);
    if (!result.ok) throw new Error(result.message);
    const definition = (await getSurvey(result.surveyId))?.definition;
    expect(definition?.languages).toEqual(['pl']);
    expect(definition?.title).toEqual({ pl: 'Untitled survey' });
    expect(definition?.anonymityThreshold).toBe(3);
    // The blank survey stays open 7 days, so its one reminder comes at most 6 days before closing.
    expect(definition?.schedule.reminderDaysBeforeClose).toBe(6);
    expect(definition?.schedule.startDate).toBe('2026-01-07');
  });
});
