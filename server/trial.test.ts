import { describe, expect, it } from 'vitest';

import { demoWanted } from '../app/demo/seed.server';
import { parseEnv } from '../app/utils/env.server';
import { trialSettings } from './trial.js';

/** The environment the app sees after `npm start` with `given`, parsed as the app parses it. */
function started(given: Record<string, string>) {
  const { set } = trialSettings(given);
  return parseEnv({ ...given, ...set });
}

describe('npm start without NODE_ENV: a local trial', () => {
  it('runs production React with the demo and the outbox, and says how to run a real install', () => {
    const { set, notice } = trialSettings({});
    expect(set).toEqual({ NODE_ENV: 'production', MAIL_OUTBOX: 'on', DEMO: 'on' });
    expect(notice).toMatch(/^Running as a local trial/);
    expect(notice).toContain('the demo organisation');
    expect(notice).toContain('e-mails kept in the outbox');
    expect(notice).toContain('set NODE_ENV=production and SMTP_URL');

    const result = started({});
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.env).toMatchObject({ NODE_ENV: 'production', MAIL_OUTBOX: 'on', DEMO: 'on' });
    // The README's promise: plain `npm start` shows the demo organisation on the embedded engine.
    expect(demoWanted(result.env.DEMO, 'embedded', result.env.NODE_ENV)).toBe(true);
  });

  it('treats an empty NODE_ENV as unset', () => {
    expect(trialSettings({ NODE_ENV: '' }).set.NODE_ENV).toBe('production');
  });

  it('seeds no demo into a MONGODB_URI', () => {
    const { set, notice } = trialSettings({ MONGODB_URI: 'mongodb://db.internal/innerloop' });
    expect(set).toEqual({ NODE_ENV: 'production', MAIL_OUTBOX: 'on' });
    expect(notice).not.toContain('demo');
  });

  it('never changes what the operator set', () => {
    const { set, notice } = trialSettings({
      DEMO: 'off',
      MAIL_OUTBOX: 'off',
      SMTP_URL: 'smtp://mail.internal',
    });
    expect(set).toEqual({ NODE_ENV: 'production' });
    expect(notice).toBe(
      'Running as a local trial (NODE_ENV is not set). For a real install set NODE_ENV=production and SMTP_URL; see "Environment variables" in the README.',
    );
  });

  it('does not mention the outbox when a mail server sends', () => {
    expect(trialSettings({ SMTP_URL: 'smtp://mail.internal' }).notice).not.toContain('outbox');
  });
});

describe('NODE_ENV set by the operator: no trial', () => {
  it.each(['production', 'development', 'test'])('adds nothing for NODE_ENV=%s', (nodeEnv) => {
    expect(trialSettings({ NODE_ENV: nodeEnv })).toEqual({ set: {}, notice: null });
  });

  it('production needs a mail server and seeds no demo unless asked', () => {
    expect(started({ NODE_ENV: 'production' })).toEqual({
      ok: false,
      message:
        'Invalid environment: SMTP_URL must be set when NODE_ENV=production (or set MAIL_OUTBOX=on to keep e-mails in the outbox)',
    });
    const result = started({ NODE_ENV: 'production', SMTP_URL: 'smtp://mail.internal' });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(demoWanted(result.env.DEMO, 'embedded', result.env.NODE_ENV)).toBe(false);
    const asked = started({ NODE_ENV: 'production', MAIL_OUTBOX: 'on', DEMO: 'on' });
    expect(asked.ok && demoWanted(asked.env.DEMO, 'embedded', asked.env.NODE_ENV)).toBe(true);
  });
});
