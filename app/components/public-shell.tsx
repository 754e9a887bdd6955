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
      <StaffShellBody>{children}</StaffShellBody>
    </div>
  );
}

/**
 * The page itself and, at its foot, the language switcher: the same in the public and the staff
 * shells (skip links land on the main).
 */
export function StaffShellBody({ children }: { children: ReactNode }) {
  return (
    <>
      <main id="main" className="shell-main" tabIndex={-1}>
        {children}
      </main>
      <footer className="shell-footer staff-language">
        <LanguageSwitcher />
      </footer>
    </>
  );
}
