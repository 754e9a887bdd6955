import type { LinksFunction, MetaFunction } from '@remix-run/node';
import { Outlet } from '@remix-run/react';

import thanksStyles from '~/styles/thanks.css';

export const handle = { i18n: ['board', 'thanks'] };

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: thanksStyles }];

export const meta: MetaFunction = () => [
  { title: 'Innerloop' },
  { name: 'robots', content: 'noindex' },
];

/**
 * "You said, we did": the company board at /board and each department's at /board/<boardKey>.
 * Employees never sign in, so both are open to whoever has the address; a department's board is
 * reached by its random key, from the thank-you page and the invitation e-mails.
 */
export default function BoardLayout() {
  return <Outlet />;
}
