import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { NavLink, Outlet } from '@remix-run/react';

import peopleStyles from '~/styles/people.css';
import { requireHrAdmin } from '~/utils/permissions.server';

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: peopleStyles }];

export const meta: MetaFunction = () => [{ title: 'People · Innerloop' }];

// The roster is for HR admins only; each page below checks again, as loaders run side by side.
export async function loader({ request }: LoaderFunctionArgs) {
  await requireHrAdmin(request);
  return null;
}

export default function PeopleLayout() {
  return (
    <section aria-labelledby="page-title">
      <h1 id="page-title">People</h1>
      <nav className="sub-nav" aria-label="People">
        <ul>
          <li>
            <NavLink to="/people" end>
              Roster
            </NavLink>
          </li>
          <li>
            <NavLink to="/people/departments">Departments</NavLink>
          </li>
          <li>
            <NavLink to="/people/import">Import roster</NavLink>
          </li>
        </ul>
      </nav>
      <Outlet />
    </section>
  );
}
