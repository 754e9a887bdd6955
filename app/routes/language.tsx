import { type ActionFunctionArgs, redirect } from '@remix-run/node';
import { z } from 'zod';

import { safeLocalPath } from '~/auth/redirect-to';
import { languageCookie } from '~/i18n.server';
import { languageCode } from '~/surveys/survey-schema';
import { parseForm, refuseAddress } from '~/utils/form.server';
import { rememberStaffLanguage } from '~/utils/staff-language.server';

const languageChoice = z.object({
  lng: languageCode,
  // Only a path on this site, by the same rule as sign-in's redirect: never an address elsewhere.
  returnTo: z.unknown().transform((to) => safeLocalPath(to, '/board')),
});

/**
 * The language switcher's target: remembers the choice in a cookie and goes back. A signed-in
 * staff member's choice is also kept as their preference, for staff pages and their e-mails.
 */
export async function action({ request }: ActionFunctionArgs) {
  const parsed = await parseForm(request, languageChoice);
  // A switcher has no field to show a message beside: a refused choice is a plain 400.
  if (!parsed.ok) throw refuseAddress('Choose one of the languages offered');
  await rememberStaffLanguage(request, parsed.data.lng);
  return redirect(parsed.data.returnTo, {
    headers: { 'Set-Cookie': await languageCookie.serialize(parsed.data.lng) },
  });
}

/** Nothing to show: a GET here is someone typing the address. */
export function loader() {
  return redirect('/board');
}
