import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Outlet } from '@remix-run/react';

import { ErrorPage, useErrorStatus } from '~/components/error-page';
import { pageTitle } from '~/i18n';
import actionStyles from '~/styles/actions.css';
import { requireStaff } from '~/utils/permissions.server';

// The idea page raises actions with the action pages' fields and panels.
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: actionStyles }];

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, 'ideas:title') }];

export async function loader({ request }: LoaderFunctionArgs) {
  // Leaders and HR admins; each page narrows to the user's scope itself.
  await requireStaff(request);
  return null;
}

export default function IdeasLayout() {
  return (
    <section className="actions-area ideas-area">
      <Outlet />
    </section>
  );
}

export function ErrorBoundary() {
  return <ErrorPage status={useErrorStatus()} />;
}
