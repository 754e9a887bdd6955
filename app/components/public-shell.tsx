import type { ReactNode } from 'react';

import { Brand } from './brand';
import { ShellBody } from './shell-body';
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
      <ShellBody>{children}</ShellBody>
    </div>
  );
}
