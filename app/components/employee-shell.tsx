import { useMatches } from '@remix-run/react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

import type { LanguageCode } from '../../models/vocabulary';
import { LanguageSwitcher } from './language-switcher';

/**
 * Frame of the pages employees answer on: nothing to navigate to and nothing that names them,
 * so the page is quick on a phone and says plainly that answers are anonymous. Everything in
 * it is in the reader's language, which the switcher changes.
 */
export function EmployeeShell({ children }: { children: ReactNode }) {
  const { t } = useTranslation('common');
  // An answer page offers only its survey's languages: another would show the questions in the
  // survey's default language under words in the chosen one.
  const offered = useMatches()
    .map(
      (match) =>
        (match.data as { offeredLanguages?: LanguageCode[] | null } | null)?.offeredLanguages,
    )
    .findLast((languages) => languages && languages.length > 0);
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
          <LanguageSwitcher languages={offered ?? undefined} />
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
