import { PersonModel } from '../../models/person.server';
import type { LanguageCode } from '../../models/vocabulary';
import { resolveEmployeeLanguage } from '../i18n.server';
import { getStaffUser } from './permissions.server';

/**
 * The language of a staff page: the signed-in person's stored preference, so it follows them
 * from device to device and into their e-mails. Before signing in (sign-in, forgot password,
 * setup) nobody is known yet, so the switcher's cookie and then the browser decide.
 */
export async function staffPageLanguage(request: Request): Promise<LanguageCode> {
  const user = await getStaffUser(request);
  return user ? user.language : resolveEmployeeLanguage(request);
}

/**
 * Remembers a language chosen with the switcher as the signed-in staff member's preference.
 * Employees are not signed in, so for them this does nothing and the cookie alone remembers.
 */
export async function rememberStaffLanguage(
  request: Request,
  language: LanguageCode,
): Promise<void> {
  const user = await getStaffUser(request);
  if (user) await PersonModel.updateOne({ _id: user.id }, { $set: { language } });
}
