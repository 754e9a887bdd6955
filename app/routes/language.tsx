import { type ActionFunctionArgs, redirect } from '@remix-run/node';
import { z } from 'zod';

import { safeLocalPath } from '~/auth/redirect-to';
import { languageCookie } from '~/i18n.server';
import { languageCode } from '~/surveys/survey-schema';

const languageChoice = z.object({
  lng: languageCode,
  // Only a path on this site, by the same rule as sign-in's redirect: never an address elsewhere.
  returnTo: z.unknown().transform((to) => safeLocalPath(to, '/board')),
});

/** The language switcher's target: remembers the choice in a cookie and goes back. */
export async function action({ request }: ActionFunctionArgs) {
  const parsed = languageChoice.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) throw new Response('Choose one of the languages offered', { status: 400 });
  return redirect(parsed.data.returnTo, {
    headers: { 'Set-Cookie': await languageCookie.serialize(parsed.data.lng) },
  });
}

/** Nothing to show: a GET here is someone typing the address. */
export function loader() {
  return redirect('/board');
}
