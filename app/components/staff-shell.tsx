import { NavLink } from '@remix-run/react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

import { Brand } from './brand';
import { ShellBody } from './shell-body';
import { SkipLink } from './skip-link';
import { type ShellUser, UserMenu } from './user-menu';

const staffNavigation = [
  { to: '/insights', label: 'insights', hrOnly: false },
  { to: '/surveys', label: 'surveys', hrOnly: false },
  { to: '/actions', label: 'actions', hrOnly: false },
  { to: '/charters', label: 'charters', hrOnly: false },
  // Thanks other departments sent to the leader's departments (its words: the thanks namespace).
  { to: '/thanks', label: 'thanks:nav', hrOnly: false },
  { to: '/ideas', label: 'ideas', hrOnly: false },
  // Leaders cannot open these (their routes answer 403), so they do not see them either.
  { to: '/people', label: 'people', hrOnly: true },
  { to: '/settings', label: 'settings', hrOnly: true },
] as const;

/**
 * Frame of every page HR admins and leaders use: product navigation, the account menu and, at
 * the foot, the language switcher, whose choice is saved as the person's preference.
 */
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
  const { t } = useTranslation('staff');
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
          <nav className="staff-nav" aria-label={t('nav.label')}>
            <ul>
              {staffNavigation
                .filter((item) => !item.hrOnly || user?.role === 'hr-admin')
                .map((item) => (
                  <li key={item.to}>
                    <NavLink to={item.to} prefetch="intent">
                      {t(item.label.includes(':') ? item.label : `nav.${item.label}`)}
                    </NavLink>
                  </li>
                ))}
            </ul>
          </nav>
          <UserMenu user={user} />
        </div>
      </header>
      <ShellBody>{children}</ShellBody>
    </div>
  );
}
