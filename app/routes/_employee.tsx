import { Outlet } from '@remix-run/react';

import { EmployeeShell } from '~/components/employee-shell';
import { ErrorPage, useErrorStatus } from '~/components/error-page';

/** Layout of the pages employees answer on (their links live under it). */
export default function EmployeeLayout() {
  return (
    <EmployeeShell>
      <Outlet />
    </EmployeeShell>
  );
}

export function ErrorBoundary() {
  return (
    <EmployeeShell>
      <ErrorPage status={useErrorStatus()} />
    </EmployeeShell>
  );
}
