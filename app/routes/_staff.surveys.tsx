import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Outlet } from '@remix-run/react';

import { ErrorPage, useErrorStatus } from '~/components/error-page';
import { pageTitle } from '~/i18n';
import surveyStyles from '~/styles/surveys.css';
import { requireStaff } from '~/utils/permissions.server';

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: surveyStyles }];

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, 'surveys:title') }];

// Leaders may read the list; designing, scheduling and invitations are for HR admins, and each
// page below checks that itself (loaders run side by side).
export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request);
  return null;
}

export default function SurveysLayout() {
  return <Outlet />;
}

export function ErrorBoundary() {
  return <ErrorPage status={useErrorStatus()} />;
}
