import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';

import { i18nOptions } from '../../app/i18n';

// Component tests that render a page without an I18nextProvider read it in English, as a
// browser whose <html lang> is "en" would (entry.client.tsx does the same). Tests of another
// language wrap the page in a provider (tests/support/render-in-language.tsx).
void i18next.use(initReactI18next).init(i18nOptions('en'));
