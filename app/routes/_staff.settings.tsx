import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { NavLink, Outlet } from '@remix-run/react';
import { useTranslation } from 'react-i18next';

import { pageTitle } from '~/i18n';
import { requireHrAdmin } from '~/utils/permissions.server';

export const meta: MetaFunction = ({ matches }) => [
  { title: pageTitle(matches, 'staff:nav.settings') },
];

// Settings are for HR admins only; each page below checks again, as loaders run side by side.
export async function loader({ request }: LoaderFunctionArgs) {
  await requireHrAdmin(request);
  return null;
}

export default function SettingsLayout() {
  const { t } = useTranslation('settings');
  return (
    <section aria-labelledby="page-title">
      <h1 id="page-title">{t('title')}</h1>
      <nav className="sub-nav" aria-label={t('title')}>
        <ul>
          <li>
            <NavLink to="/settings" end>
              {t('nav.organisation')}
            </NavLink>
          </li>
          <li>
            <NavLink to="/settings/outbox">{t('nav.outbox')}</NavLink>
          </li>
        </ul>
      </nav>
      <Outlet />
    </section>
  );
}
