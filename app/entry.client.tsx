import { RemixBrowser } from '@remix-run/react';
import i18next from 'i18next';
import { startTransition, StrictMode } from 'react';
import { hydrateRoot } from 'react-dom/client';
import { I18nextProvider, initReactI18next } from 'react-i18next';

import { fallbackLanguage, i18nOptions, isLanguageCode } from './i18n';

// The server rendered the page in the language on <html lang>; start in the same one so the
// first render matches. The texts are bundled (app/i18n.ts), so this is synchronous.
const rendered = document.documentElement.lang;
void i18next
  .use(initReactI18next)
  .init(i18nOptions(isLanguageCode(rendered) ? rendered : fallbackLanguage));

startTransition(() => {
  hydrateRoot(
    document,
    <I18nextProvider i18n={i18next}>
      <StrictMode>
        <RemixBrowser />
      </StrictMode>
    </I18nextProvider>,
  );
});
