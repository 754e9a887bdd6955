import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { NavLink, Outlet, useLocation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';

import { ErrorPage, useErrorStatus } from '~/components/error-page';
import { pageTitle } from '~/i18n';
import insightStyles from '~/styles/insights.css';
import { requireStaff } from '~/utils/permissions.server';

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: insightStyles }];

export const meta: MetaFunction = ({ matches }) => [
  { title: pageTitle(matches, 'insights:title') },
];

// Leaders and HR admins; each page below narrows to the user's scope itself (loaders run side by
// side, so none may rely on this one).
export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request);
  return null;
}

const pages = [
  { to: '/insights', label: 'overview', end: true },
  { to: '/insights/matrix', label: 'matrix', end: false },
  { to: '/insights/drivers', label: 'drivers', end: false },
  // The hotspots tab keeps its words in its own namespace.
  { to: '/insights/hotspots', label: 'hotspots:nav', end: false },
  { to: '/insights/comments', label: 'comments', end: false },
  { to: '/insights/thanks', label: 'thanks:insightsTab', end: false },
] as const;

export default function InsightsLayout() {
  const { t } = useTranslation('insights');
  // The survey and cycle range travel from page to page, so a view stays the same view.
  const { search } = useLocation();
  const keep = new URLSearchParams();
  for (const name of ['survey', 'from', 'to']) {
    const value = new URLSearchParams(search).get(name);
    if (value) keep.set(name, value);
  }
  const suffix = keep.size > 0 ? `?${keep}` : '';
  return (
    <section aria-labelledby="page-title" className="insights">
      <nav className="sub-nav" aria-label={t('title')}>
        <ul>
          {pages.map((page) => (
            <li key={page.to}>
              <NavLink to={`${page.to}${suffix}`} end={page.end}>
                {t(page.label.includes(':') ? page.label : `nav.${page.label}`)}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <Outlet />
    </section>
  );
}

export function ErrorBoundary() {
  return <ErrorPage status={useErrorStatus()} />;
}
