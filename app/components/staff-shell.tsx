import { NavLink } from '@remix-run/react';
import type { ReactNode } from 'react';

import { Brand } from './brand';
import { SkipLink } from './skip-link';
import { type ShellUser, UserMenu } from './user-menu';

export const staffNavigation = [
  { to: '/insights', label: 'Insights' },
  { to: '/surveys', label: 'Surveys' },
  { to: '/actions', label: 'Actions' },
  { to: '/people', label: 'People' },
  { to: '/settings', label: 'Settings' },
] as const;

/** Frame of every page HR admins and leaders use: product navigation and the account menu. */
export function StaffShell({ user, children }: { user: ShellUser | null; children: ReactNode }) {
  return (
    <div className="shell staff-shell">
      <SkipLink />
      <header className="shell-header">
        <div className="shell-header-inner">
          <Brand to="/insights" />
          <nav className="staff-nav" aria-label="Main">
            <ul>
              {staffNavigation.map((item) => (
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
