import type { LoaderFunctionArgs } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Outlet, useLoaderData, useRouteLoaderData } from '@remix-run/react';

import { ErrorPage, useErrorStatus } from '~/components/error-page';
import { StaffShell } from '~/components/staff-shell';
import { OrganisationTimeZoneProvider } from '~/components/ui/organisation-time';
import type { ShellUser } from '~/components/user-menu';
import { staffShellSettings } from '~/settings/organisation.server';
import { requireStaff } from '~/utils/permissions.server';

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireStaff(request);
  const shellUser: ShellUser = {
    name: user.name,
    email: user.email,
    role: user.hrAdmin ? 'hr-admin' : 'leader',
  };
  // `locale` puts the whole page, its shell and its error pages in the person's language.
  return json({ user: shellUser, locale: user.language, ...(await staffShellSettings()) });
}

export default function StaffLayout() {
  const { user, organisationName, timeZone } = useLoaderData<typeof loader>();
  return (
    <OrganisationTimeZoneProvider timeZone={timeZone}>
      <StaffShell user={user} organisationName={organisationName}>
        <Outlet />
      </StaffShell>
    </OrganisationTimeZoneProvider>
  );
}

export function ErrorBoundary() {
  // The loader may be what failed, so its data is optional here.
  const data = useRouteLoaderData<typeof loader>('routes/_staff');
  return (
    <StaffShell user={data?.user ?? null} organisationName={data?.organisationName}>
      <ErrorPage status={useErrorStatus()} />
    </StaffShell>
  );
}
