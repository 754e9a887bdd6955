import { Form, Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';

/** The signed-in staff member as the shells need them: no more than the menu shows. */
export interface ShellUser {
  name: string;
  email: string;
  role: 'hr-admin' | 'leader';
}

export function UserMenu({ user }: { user: ShellUser | null }) {
  const { t } = useTranslation('staff');
  if (!user) {
    return (
      <Link to="/login" className="button button-quiet">
        {t('userMenu.signIn')}
      </Link>
    );
  }
  // <details> opens and closes without JavaScript and is announced as expandable.
  return (
    <details className="user-menu">
      <summary aria-label={t('userMenu.accountMenu', { name: user.name })}>
        {/* The initials are drawn by CSS, not text: text would be the summary's visible label,
            and "AL" is not in its accessible name "Account menu for Ana Lima" (WCAG 2.5.3). */}
        <span className="avatar" data-initials={initials(user.name)} aria-hidden="true" />
        <span className="user-menu-name">{user.name}</span>
      </summary>
      <div className="user-menu-panel">
        <p className="user-menu-identity">
          <strong>{user.name}</strong>
          <span>{user.email}</span>
          <span>{t(`userMenu.roles.${user.role}`)}</span>
        </p>
        <Form method="post" action="/logout">
          <button type="submit" className="button button-quiet">
            {t('userMenu.signOut')}
          </button>
        </Form>
      </div>
    </details>
  );
}

function initials(name: string): string {
  const letters = name
    .split(/\s+/)
    .filter(Boolean)
    .map((part) => part[0]?.toUpperCase() ?? '');
  return (letters[0] ?? '') + (letters.length > 1 ? (letters.at(-1) ?? '') : '');
}
