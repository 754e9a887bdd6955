import type { ReactNode } from 'react';

import { SkipLink } from './skip-link';

/**
 * Frame of the pages employees answer on: nothing to navigate to and nothing that names them,
 * so the page is quick on a phone and says plainly that answers are anonymous.
 */
export function EmployeeShell({ children }: { children: ReactNode }) {
  return (
    <div className="shell employee-shell">
      <SkipLink />
      <header className="shell-header">
        <div className="shell-header-inner">
          <span className="brand">
            <span className="brand-mark" aria-hidden="true">
              ◎
            </span>
            Innerloop
          </span>
        </div>
      </header>
      <main id="main" className="shell-main employee-main" tabIndex={-1}>
        {children}
      </main>
      <footer className="shell-footer">
        <p>
          Your answers are anonymous: results are shown only for groups large enough to hide who
          said what.
        </p>
      </footer>
    </div>
  );
}
