import { createInstance, type i18n as I18n, type Resource } from 'i18next';

import enAnswering from './locales/en/answering.json';
import enBoard from './locales/en/board.json';
import enCommon from './locales/en/common.json';
import enReceipt from './locales/en/receipt.json';
import enStatus from './locales/en/status.json';
import lvAnswering from './locales/lv/answering.json';
import lvBoard from './locales/lv/board.json';
import lvCommon from './locales/lv/common.json';
import lvReceipt from './locales/lv/receipt.json';
import lvStatus from './locales/lv/status.json';
import nbAnswering from './locales/nb/answering.json';
import nbBoard from './locales/nb/board.json';
import nbCommon from './locales/nb/common.json';
import nbReceipt from './locales/nb/receipt.json';
import nbStatus from './locales/nb/status.json';
import plAnswering from './locales/pl/answering.json';
import plBoard from './locales/pl/board.json';
import plCommon from './locales/pl/common.json';
import plReceipt from './locales/pl/receipt.json';
import plStatus from './locales/pl/status.json';
import ptAnswering from './locales/pt/answering.json';
import ptBoard from './locales/pt/board.json';
import ptCommon from './locales/pt/common.json';
import ptReceipt from './locales/pt/receipt.json';
import ptStatus from './locales/pt/status.json';
import ukAnswering from './locales/uk/answering.json';
import ukBoard from './locales/uk/board.json';
import ukCommon from './locales/uk/common.json';
import ukReceipt from './locales/uk/receipt.json';
import ukStatus from './locales/uk/status.json';
import { type LanguageCode, languageCode, languageCodes } from './surveys/survey-schema';

// Shared by the server (entry.server.tsx, i18n.server.ts), the browser (entry.client.tsx) and
// component tests. The texts are bundled, not fetched: employee pages make no extra requests and
// the content security policy needs no exception. Six languages of five small files stay small.

export const supportedLanguages = languageCodes;
export const fallbackLanguage: LanguageCode = 'en';
export const namespaces = ['common', 'status', 'answering', 'receipt', 'board'] as const;
export type Namespace = (typeof namespaces)[number];

export const resources = {
  en: {
    common: enCommon,
    status: enStatus,
    answering: enAnswering,
    receipt: enReceipt,
    board: enBoard,
  },
  uk: {
    common: ukCommon,
    status: ukStatus,
    answering: ukAnswering,
    receipt: ukReceipt,
    board: ukBoard,
  },
  nb: {
    common: nbCommon,
    status: nbStatus,
    answering: nbAnswering,
    receipt: nbReceipt,
    board: nbBoard,
  },
  pt: {
    common: ptCommon,
    status: ptStatus,
    answering: ptAnswering,
    receipt: ptReceipt,
    board: ptBoard,
  },
  pl: {
    common: plCommon,
    status: plStatus,
    answering: plAnswering,
    receipt: plReceipt,
    board: plBoard,
  },
  lv: {
    common: lvCommon,
    status: lvStatus,
    answering: lvAnswering,
    receipt: lvReceipt,
    board: lvBoard,
  },
} satisfies Record<LanguageCode, Record<Namespace, Resource[string][string]>>;

/** The i18next options every instance shares; only the language differs. */
export function i18nOptions(language: LanguageCode) {
  return {
    lng: language,
    fallbackLng: fallbackLanguage,
    supportedLngs: [...supportedLanguages],
    ns: [...namespaces],
    defaultNS: 'common',
    resources,
    // Resources are in memory, so initialising synchronously renders the right words at once:
    // the server's HTML and the browser's first render agree, and hydration matches.
    initImmediate: false,
    interpolation: { escapeValue: false },
    returnNull: false,
  } as const;
}

/** A ready i18next instance in one language (server renders and component tests). */
export function createI18n(language: LanguageCode): I18n {
  const instance = createInstance();
  void instance.init(i18nOptions(language));
  return instance;
}

export function isLanguageCode(value: unknown): value is LanguageCode {
  return languageCode.safeParse(value).success;
}

/**
 * The language of the page being rendered: the deepest route whose loader data carries a
 * `locale` (employee pages: the person's choice), else English (staff pages stay English).
 * Used by the document (<html lang>), entry.server.tsx and the browser, so all three agree.
 */
export function languageOfMatches(matches: readonly { data?: unknown }[]): LanguageCode {
  for (let index = matches.length - 1; index >= 0; index--) {
    const data = matches[index]?.data;
    if (typeof data === 'object' && data !== null && 'locale' in data) {
      const { locale } = data;
      if (isLanguageCode(locale)) return locale;
    }
  }
  return fallbackLanguage;
}
