import type { ReactNode } from 'react';

import { Brand } from './brand';
import { LanguageSwitcher } from './language-switcher';
import { SkipLink } from './skip-link';

/**
 * Frame of the pages anyone may open: the home page, sign-in, and not-found pages. The language
 * switcher sits at the foot, out of the way of the page's one task.
 */
export function PublicShell({ children }: { children: ReactNode }) {
  return (
    <div className="shell public-shell">
      <SkipLink />
      <header className="shell-header">
        <div className="shell-header-inner">
          <Brand />
        </div>
      </header>
      <main id="main" className="shell-main" tabIndex={-1}>
        {children}
      </main>
      <footer className="shell-footer staff-language">
        <LanguageSwitcher />
      </footer>
    </div>
  );
}
