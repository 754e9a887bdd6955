import { Outlet } from '@remix-run/react';

import { ErrorPage, useErrorStatus } from '~/components/error-page';
import { PublicShell } from '~/components/public-shell';

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
