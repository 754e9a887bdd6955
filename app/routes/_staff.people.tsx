import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { NavLink, Outlet } from '@remix-run/react';
import { useTranslation } from 'react-i18next';

import { pageTitle } from '~/i18n';
import peopleStyles from '~/styles/people.css';
import { requireHrAdmin } from '~/utils/permissions.server';

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: peopleStyles }];

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, 'people:title') }];

// The roster is for HR admins only; each page below checks again, as loaders run side by side.
export async function loader({ request }: LoaderFunctionArgs) {
  await requireHrAdmin(request);
  return null;
}

export default function PeopleLayout() {
  const { t } = useTranslation('people');
  return (
    <section aria-labelledby="page-title">
      <h1 id="page-title">{t('title')}</h1>
      <nav className="sub-nav" aria-label={t('nav.label')}>
        <ul>
          <li>
            <NavLink to="/people" end>
              {t('nav.roster')}
            </NavLink>
          </li>
          <li>
            <NavLink to="/people/departments">{t('nav.departments')}</NavLink>
          </li>
          <li>
            <NavLink to="/people/import">{t('nav.import')}</NavLink>
          </li>
        </ul>
      </nav>
      <Outlet />
    </section>
  );
}
