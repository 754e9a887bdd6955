import { createRemixStub } from '@remix-run/testing';
import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';

import { createI18n } from '../../app/i18n';
import type { LanguageCode } from '../../models/vocabulary';

/**
 * Renders employee-facing UI as a page in one language: inside a Remix router (for Link and
 * Form) and an i18next instance built from the real locale files.
 */
export function renderInLanguage(
  ui: ReactNode,
  language: LanguageCode = 'en',
  { at = '/' }: { at?: string } = {},
) {
  const i18n = createI18n(language);
  const Stub = createRemixStub([{ path: '*', Component: () => ui }]);
  return render(
    <I18nextProvider i18n={i18n}>
      <Stub initialEntries={[at]} />
    </I18nextProvider>,
  );
}
