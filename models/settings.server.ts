import mongoose, { Schema } from 'mongoose';

/** The id of the one settings document: an organisation has exactly one set of settings. */
export const organisationSettingsId = 'organisation';

/**
 * The organisation's own choices, one document. Fields mirror app/settings/organisation.ts, whose
 * zod schema checks every write; defaults here only fill a document written before a field
 * existed.
 */
const settingsSchema = new Schema(
  {
    _id: { type: String, default: organisationSettingsId },
    organisationName: { type: String, default: '', trim: true, maxlength: 120 },
    anonymityThreshold: { type: Number, default: 5, min: 3 },
    languages: { type: [String], default: ['en', 'uk', 'nb', 'pt', 'pl', 'lv'] },
    defaultLanguage: { type: String, default: 'en' },
    timeZone: { type: String, default: 'Europe/Oslo' },
    reminderDaysBeforeClose: { type: Number, default: 2, min: 0 },
  },
  { timestamps: true, collection: 'settings' },
);

export interface Settings {
  _id: string;
  organisationName: string;
  anonymityThreshold: number;
  languages: string[];
  defaultLanguage: string;
  timeZone: string;
  reminderDaysBeforeClose: number;
}

export const SettingsModel =
  (mongoose.models.Settings as mongoose.Model<Settings> | undefined) ??
  mongoose.model<Settings>('Settings', settingsSchema);
