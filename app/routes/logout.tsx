import type { ActionFunctionArgs } from '@remix-run/node';
import { redirect } from '@remix-run/node';

import { endStaffSession } from '~/utils/session.server';

// Signing out changes data, so it is a POST (the user menu's form); a GET just goes home.
export function loader() {
  return redirect('/');
}

export async function action({ request }: ActionFunctionArgs) {
  return redirect('/', { headers: { 'Set-Cookie': await endStaffSession(request) } });
}
