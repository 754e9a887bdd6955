import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Outlet } from '@remix-run/react';

import { ErrorPage, useErrorStatus } from '~/components/error-page';
import { pageTitle } from '~/i18n';
import charterStyles from '~/styles/charters.css';
import { requireStaff } from '~/utils/permissions.server';

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: charterStyles }];

export const meta: MetaFunction = ({ matches }) => [
  { title: pageTitle(matches, 'charters:title') },
];

// Every staff member reads charters; each page checks who may change one.
export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request);
  return null;
}

export default function ChartersLayout() {
  return (
    <section className="charters-area">
      <Outlet />
    </section>
  );
}

export function ErrorBoundary() {
  return <ErrorPage status={useErrorStatus()} />;
}
