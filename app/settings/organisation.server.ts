import { organisationSettingsId, SettingsModel } from '../../models/settings.server';
import { type FieldErrors, parseSubmission } from '../utils/submission';
import { defaultSettings, type OrganisationSettings, organisationSettings } from './organisation';

/**
 * The organisation's settings, or the defaults before HR saved any. A stored document is read
 * through the schema too, so a value a newer rule refuses falls back rather than spreading.
 */
export async function getSettings(): Promise<OrganisationSettings> {
  const stored = await SettingsModel.findById(organisationSettingsId).lean();
  if (!stored) return defaultSettings;
  const parsed = organisationSettings.safeParse({ ...defaultSettings, ...withoutMeta(stored) });
  return parsed.success ? parsed.data : defaultSettings;
}

function withoutMeta(stored: object): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(stored).filter(
      ([key]) => !['_id', '__v', 'createdAt', 'updatedAt'].includes(key),
    ),
  );
}

export type SaveSettingsResult =
  | { ok: true; settings: OrganisationSettings }
  | { ok: false; errors: FieldErrors; values: Record<string, string | string[]> };

/** Checks a submitted settings form and stores it whole; a refused form stores nothing. */
export async function saveSettings(formData: FormData): Promise<SaveSettingsResult> {
  const submission = parseSubmission(formData, organisationSettings, { lists: ['languages'] });
  if (!submission.ok) return submission;
  const settings = submission.data;
  await SettingsModel.updateOne(
    { _id: organisationSettingsId },
    { $set: settings },
    { upsert: true, runValidators: true },
  );
  return { ok: true, settings };
}

/** What every staff page shows of the settings: the organisation's name and time zone. */
export async function staffShellSettings(): Promise<{
  organisationName: string;
  timeZone: string;
}> {
  const { organisationName, timeZone } = await getSettings();
  return { organisationName, timeZone };
}

/** The organisation's time zone, in which pages write dates and days. */
export async function organisationTimeZone(): Promise<string> {
  return (await getSettings()).timeZone;
}
