import { NavLink } from '@remix-run/react';
import type { ReactNode } from 'react';

import { Brand } from './brand';
import { SkipLink } from './skip-link';
import { type ShellUser, UserMenu } from './user-menu';

export const staffNavigation = [
  { to: '/insights', label: 'Insights', hrOnly: false },
  { to: '/surveys', label: 'Surveys', hrOnly: false },
  { to: '/actions', label: 'Actions', hrOnly: false },
  // Leaders cannot open these (their routes answer 403), so they do not see them either.
  { to: '/people', label: 'People', hrOnly: true },
  { to: '/settings', label: 'Settings', hrOnly: true },
] as const;

/** Frame of every page HR admins and leaders use: product navigation and the account menu. */
export function StaffShell({
  user,
  organisationName = '',
  children,
}: {
  user: ShellUser | null;
  /** From the organisation settings; empty until HR gives one. */
  organisationName?: string;
  children: ReactNode;
}) {
  return (
    <div className="shell staff-shell">
      <SkipLink />
      <header className="shell-header">
        <div className="shell-header-inner">
          <div className="shell-identity">
            <Brand to="/insights" />
            {organisationName ? (
              <span className="shell-organisation">{organisationName}</span>
            ) : null}
          </div>
          <nav className="staff-nav" aria-label="Main">
            <ul>
              {staffNavigation
                .filter((item) => !item.hrOnly || user?.role === 'hr-admin')
                .map((item) => (
                  <li key={item.to}>
                    <NavLink to={item.to} prefetch="intent">
                      {item.label}
                    </NavLink>
                  </li>
                ))}
            </ul>
          </nav>
          <UserMenu user={user} />
        </div>
      </header>
      <main id="main" className="shell-main" tabIndex={-1}>
        {children}
      </main>
    </div>
  );
}
