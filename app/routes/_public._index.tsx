import type { MetaFunction } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';

import { SetupInvitation } from '~/auth/components/setup-invitation';
import { setupOpen } from '~/auth/first-admin.server';
import { pageTitle } from '~/i18n';

export const meta: MetaFunction = ({ matches }) => [
  { title: pageTitle(matches, 'staff:home.title') },
];

// An empty install has nobody who could sign in: the page says where the first HR admin is made.
export async function loader() {
  return json({ setupOpen: await setupOpen() });
}

export default function Home() {
  const { setupOpen } = useLoaderData<typeof loader>();
  const { t } = useTranslation('staff');
  return (
    <section className="hero" aria-labelledby="home-title">
      <h1 id="home-title">{t('home.heading')}</h1>
      <p className="lead">{t('home.lead')}</p>
      <p>
        <Link to="/login" className="button">
          {t('login.title')}
        </Link>
      </p>
      {setupOpen ? <SetupInvitation /> : null}
    </section>
  );
}
