import type { ReactNode } from 'react';

import { LanguageSwitcher } from './language-switcher';

/**
 * The page itself and, at its foot, the language switcher: the same in the public and the staff
 * shells (skip links land on the main).
 */
export function ShellBody({ children }: { children: ReactNode }) {
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
