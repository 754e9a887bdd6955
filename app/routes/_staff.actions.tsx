import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Outlet } from '@remix-run/react';

import { ErrorPage, useErrorStatus } from '~/components/error-page';
import { pageTitle } from '~/i18n';
import actionStyles from '~/styles/actions.css';
import insightStyles from '~/styles/insights.css';
import { requireStaff } from '~/utils/permissions.server';

// The follow-up draws the insight pages' trend chart, so their styles come along.
export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: insightStyles },
  { rel: 'stylesheet', href: actionStyles },
];

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, 'actions:title') }];

// Leaders and HR admins; each page below narrows to the user's scope itself (loaders run side by
// side, so none may rely on this one).
export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request);
  return null;
}

export default function ActionsLayout() {
  return (
    <section className="actions-area">
      <Outlet />
    </section>
  );
}

export function ErrorBoundary() {
  return <ErrorPage status={useErrorStatus()} />;
}
