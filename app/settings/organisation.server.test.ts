import { describe, expect, it } from 'vitest';

import { SettingsModel } from '../../models/settings.server';
import { setupTestDatabase } from '../../tests/support/test-database';
import { message } from '../utils/message';
import { defaultSettings } from './organisation';
import { getSettings, saveSettings } from './organisation.server';

setupTestDatabase('organisation-settings');

function form(fields: Record<string, string | string[]>) {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) {
    for (const item of Array.isArray(value) ? value : [value]) data.append(name, item);
  }
  return data;
}

const valid = {
  organisationName: '  Nordlys Hotels ',
  anonymityThreshold: '4',
  languages: ['en', 'nb'],
  defaultLanguage: 'nb',
  timeZone: 'America/Sao_Paulo',
  reminderDaysBeforeClose: '1',
};

describe('organisation settings', () => {
  it('starts from the defaults before HR saves anything', async () => {
    expect(await getSettings()).toEqual(defaultSettings);
    expect(defaultSettings.anonymityThreshold).toBeGreaterThanOrEqual(3);
  });

  it('stores one document and reads it back', async () => {
    const result = await saveSettings(form(valid));
    expect(result.ok).toBe(true);
    const saved = {
      organisationName: 'Nordlys Hotels',
      anonymityThreshold: 4,
      languages: ['en', 'nb'],
      defaultLanguage: 'nb',
      timeZone: 'America/Sao_Paulo',
      reminderDaysBeforeClose: 1,
    };
    expect(await getSettings()).toEqual(saved);
    expect(await saveSettings(form({ ...valid, organisationName: 'Nordlys' }))).toMatchObject({
      ok: true,
    });
    expect(await SettingsModel.countDocuments()).toBe(1);
    expect((await getSettings()).organisationName).toBe('Nordlys');
  });

  it('refuses a threshold below 3 with a clear error and stores nothing', async () => {
    const result = await saveSettings(form({ ...valid, anonymityThreshold: '2' }));
    expect(result).toMatchObject({
      ok: false,
      errors: {
        anonymityThreshold: [message('settings:errors.thresholdTooLow', { minimum: 3 })],
      },
      values: { anonymityThreshold: '2' },
    });
    expect(await SettingsModel.countDocuments()).toBe(0);
  });

  it('refuses an unknown time zone, naming it', async () => {
    const result = await saveSettings(form({ ...valid, timeZone: 'Mars/Olympus_Mons' }));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors.timeZone).toEqual([
      message('settings:errors.timeZoneUnknown', { zone: 'Mars/Olympus_Mons' }),
    ]);
    expect(await SettingsModel.countDocuments()).toBe(0);
  });

  it('names every other mistake beside its field', async () => {
    const result = await saveSettings(
      form({
        organisationName: 'x'.repeat(121),
        anonymityThreshold: 'five',
        languages: ['en', 'xx'],
        defaultLanguage: 'en',
        timeZone: '',
        reminderDaysBeforeClose: '31',
      }),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.errors).sort()).toEqual([
      'anonymityThreshold',
      'languages',
      'organisationName',
      'reminderDaysBeforeClose',
      'timeZone',
    ]);
    const noLanguage = await saveSettings(form({ ...valid, languages: [], defaultLanguage: 'en' }));
    expect(!noLanguage.ok && noLanguage.errors.languages).toEqual([
      'settings:errors.languagesMissing',
    ]);
    const mainElsewhere = await saveSettings(form({ ...valid, defaultLanguage: 'pl' }));
    expect(!mainElsewhere.ok && mainElsewhere.errors.defaultLanguage).toEqual([
      'settings:errors.mainLanguageNotChosen',
    ]);
    expect(await SettingsModel.countDocuments()).toBe(0);
  });
});
