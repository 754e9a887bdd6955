import { describe, expect, it } from 'vitest';

import { OutboxMailModel } from '../../models/outbox-mail.server';
import { SettingsModel } from '../../models/settings.server';
import { startAppForFile } from '../support/app-for-file';

// The organisation settings page over HTTP, as a browser without JavaScript posts it.
const app = startAppForFile('settings-routes');

const signedIn = (role: 'hr' | 'leader') => app.signedIn(role);

const valid = {
  organisationName: 'Nordlys Hotels',
  anonymityThreshold: '4',
  languages: 'nb',
  defaultLanguage: 'nb',
  timeZone: 'Europe/Riga',
  reminderDaysBeforeClose: '2',
};

describe('organisation settings page', () => {
  it('saves the settings and shows the name in the staff shell', async () => {
    const hr = await signedIn('hr');
    const page = await (await hr.get('/settings')).text();
    expect(page).toContain('Default anonymity threshold');
    const saved = await hr.post('/settings?index', valid);
    expect(saved.status).toBe(200);
    expect(await saved.text()).toContain('Settings saved.');
    expect(await SettingsModel.findById('organisation').lean()).toMatchObject({
      organisationName: 'Nordlys Hotels',
      anonymityThreshold: 4,
      languages: ['nb'],
      timeZone: 'Europe/Riga',
    });
    expect(await (await hr.get('/surveys')).text()).toContain(
      '<span class="shell-organisation">Nordlys Hotels</span>',
    );
  });

  it('answers 400 naming what is wrong, keeps what was typed and stores nothing', async () => {
    const hr = await signedIn('hr');
    const refused = await hr.post('/settings?index', {
      ...valid,
      anonymityThreshold: '2',
      timeZone: 'Europe/Atlantis',
    });
    expect(refused.status).toBe(400);
    const html = await refused.text();
    expect(html).toContain('The anonymity threshold is at least 3');
    expect(html).toContain('&quot;Europe/Atlantis&quot; is not a time zone');
    expect(html).toContain('value="Europe/Atlantis"');
    expect(await SettingsModel.countDocuments()).toBe(0);
  });

  it('writes the moments on staff pages in the organisation’s time zone', async () => {
    const hr = await signedIn('hr');
    const mail = await OutboxMailModel.create({
      to: 'kai@example.com',
      subject: 'Weekly pulse',
      text: 'Hello',
      kind: 'invite',
      createdAt: new Date('2026-03-01T23:30:00Z'),
    });
    const at = `/settings/outbox/${String(mail._id)}`;
    // Before HR chooses, the default zone (Oslo) is used: 23:30 UTC is already 2 March there.
    expect(await (await hr.get(at)).text()).toContain('Mon, 2 Mar 2026, 00:30');
    expect((await hr.post('/settings?index', valid)).status).toBe(200);
    // Riga is two hours ahead of UTC in winter.
    const page = await (await hr.get(at)).text();
    expect(page).toContain('Mon, 2 Mar 2026, 01:30');
    expect(page).toContain('title="Europe/Riga"');
  });

  it('is for HR admins only', async () => {
    const leader = await signedIn('leader');
    expect((await leader.get('/settings')).status).toBe(403);
    expect((await leader.post('/settings?index', valid)).status).toBe(403);
    expect(await SettingsModel.countDocuments()).toBe(0);
  });
});
