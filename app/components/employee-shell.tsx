import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

import { LanguageSwitcher } from './language-switcher';

/**
 * Frame of the pages employees answer on: nothing to navigate to and nothing that names them,
 * so the page is quick on a phone and says plainly that answers are anonymous. Everything in
 * it is in the reader's language, which the switcher changes.
 */
export function EmployeeShell({ children }: { children: ReactNode }) {
  const { t } = useTranslation('common');
  return (
    <div className="shell employee-shell">
      <a className="skip-link" href="#main">
        {t('skipLink')}
      </a>
      <header className="shell-header">
        <div className="shell-header-inner employee-header">
          <span className="brand">
            <span className="brand-mark" aria-hidden="true">
              ◎
            </span>
            Innerloop
          </span>
          <LanguageSwitcher />
        </div>
      </header>
      <main id="main" className="shell-main employee-main" tabIndex={-1}>
        {children}
      </main>
      <footer className="shell-footer">
        <p>{t('anonymousFooter')}</p>
      </footer>
    </div>
  );
}
