import mongoose, { type InferSchemaType, Schema } from 'mongoose';

import { languageCodes } from './vocabulary';

const personSchema = new Schema(
  {
    name: { type: String, required: true, trim: true, maxlength: 200 },
    email: { type: String, required: true, trim: true, maxlength: 254 },
    // Lower-cased email: the unique key, so Ann@X.com and ann@x.com are one person.
    emailKey: { type: String, required: true },
    departmentId: { type: Schema.Types.ObjectId, ref: 'Department', required: true },
    // Everyone is an employee; these add staff powers.
    hrAdmin: { type: Boolean, default: false },
    leaderOf: { type: [Schema.Types.ObjectId], ref: 'Department', default: [] },
    language: { type: String, enum: languageCodes, default: 'en' },
    active: { type: Boolean, default: true },
    // Only staff (HR admins and leaders) have a password; scrypt, see app/auth/password.server.ts.
    passwordHash: { type: String, default: null, select: false },
  },
  { timestamps: true },
);

personSchema.index({ emailKey: 1 }, { unique: true });
personSchema.index({ departmentId: 1, active: 1 });
personSchema.index({ leaderOf: 1 });

export type Person = InferSchemaType<typeof personSchema> & { _id: mongoose.Types.ObjectId };

export const PersonModel =
  (mongoose.models.Person as mongoose.Model<Person> | undefined) ??
  mongoose.model<Person>('Person', personSchema);
