import type { LoaderFunctionArgs } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Outlet } from '@remix-run/react';

import { ErrorPage, useErrorStatus } from '~/components/error-page';
import { PublicShell } from '~/components/public-shell';
import { staffPageLanguage } from '~/utils/staff-language.server';

// Sign-in, password reset and setup speak the visitor's language: a signed-in person's
// preference, else the switcher's cookie, else the browser's.
export async function loader({ request }: LoaderFunctionArgs) {
  return json({ locale: await staffPageLanguage(request) });
}

export default function PublicLayout() {
  return (
    <PublicShell>
      <Outlet />
    </PublicShell>
  );
}

export function ErrorBoundary() {
  return (
    <PublicShell>
      <ErrorPage status={useErrorStatus()} />
    </PublicShell>
  );
}
