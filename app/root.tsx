import type { LinksFunction, MetaFunction } from '@remix-run/node';
import {
  Links,
  LiveReload,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useMatches,
} from '@remix-run/react';
import type { ReactNode } from 'react';
import { useChangeLanguage } from 'remix-i18next/react';

import { ErrorPage, useErrorStatus } from './components/error-page';
import { PublicShell } from './components/public-shell';
import { languageOfMatches } from './i18n';
import appStyles from './styles/app.css';
import { useNonce } from './utils/nonce';

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: appStyles },
  { rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' },
];

export const meta: MetaFunction = () => [
  { title: 'Innerloop' },
  {
    name: 'description',
    content:
      'Pulse surveys that let every employee tell the departments serving them how they are doing.',
  },
];

/** The document around every page, error pages included. */
export function Layout({ children }: { children: ReactNode }) {
  const nonce = useNonce();
  // Employee pages name their language in their loader data (`locale`); staff pages stay English.
  const language = languageOfMatches(useMatches());
  // After a client-side navigation or a language switch, i18next follows the page.
  useChangeLanguage(language);
  return (
    <html lang={language}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="color-scheme" content="light" />
        <Meta />
        <Links />
      </head>
      <body>
        {children}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
        <LiveReload nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  return (
    <PublicShell>
      <ErrorPage status={useErrorStatus()} />
    </PublicShell>
  );
}
