import { json } from '@remix-run/node';
import { Outlet, useLoaderData, useRouteLoaderData } from '@remix-run/react';

import { ErrorPage, useErrorStatus } from '~/components/error-page';
import { StaffShell } from '~/components/staff-shell';
import type { ShellUser } from '~/components/user-menu';

export function loader() {
  // Sign-in arrives in a later issue: it replaces this with the user from the session
  // (and a redirect to /login when there is none).
  const user: ShellUser | null = null;
  return json({ user });
}

export default function StaffLayout() {
  const { user } = useLoaderData<typeof loader>();
  return (
    <StaffShell user={user}>
      <Outlet />
    </StaffShell>
  );
}

export function ErrorBoundary() {
  // The loader may be what failed, so its data is optional here.
  const data = useRouteLoaderData<typeof loader>('routes/_staff');
  return (
    <StaffShell user={data?.user ?? null}>
      <ErrorPage status={useErrorStatus()} />
    </StaffShell>
  );
}
