import { createInstance, type i18n as I18n, type Resource, type TFunction } from 'i18next';

import { type LanguageCode, languageCodes } from '../models/vocabulary';
import enActions from './locales/en/actions.json';
import enAnswering from './locales/en/answering.json';
import enBoard from './locales/en/board.json';
import enCharters from './locales/en/charters.json';
import enCommon from './locales/en/common.json';
import enHotspots from './locales/en/hotspots.json';
import enIdeas from './locales/en/ideas.json';
import enInsights from './locales/en/insights.json';
import enMail from './locales/en/mail.json';
import enPeople from './locales/en/people.json';
import enReceipt from './locales/en/receipt.json';
import enSettings from './locales/en/settings.json';
import enStaff from './locales/en/staff.json';
import enStatus from './locales/en/status.json';
import enSurveys from './locales/en/surveys.json';
import enThanks from './locales/en/thanks.json';
import lvActions from './locales/lv/actions.json';
import lvAnswering from './locales/lv/answering.json';
import lvBoard from './locales/lv/board.json';
import lvCharters from './locales/lv/charters.json';
import lvCommon from './locales/lv/common.json';
import lvHotspots from './locales/lv/hotspots.json';
import lvIdeas from './locales/lv/ideas.json';
import lvInsights from './locales/lv/insights.json';
import lvMail from './locales/lv/mail.json';
import lvPeople from './locales/lv/people.json';
import lvReceipt from './locales/lv/receipt.json';
import lvSettings from './locales/lv/settings.json';
import lvStaff from './locales/lv/staff.json';
import lvStatus from './locales/lv/status.json';
import lvSurveys from './locales/lv/surveys.json';
import lvThanks from './locales/lv/thanks.json';
import nbActions from './locales/nb/actions.json';
import nbAnswering from './locales/nb/answering.json';
import nbBoard from './locales/nb/board.json';
import nbCharters from './locales/nb/charters.json';
import nbCommon from './locales/nb/common.json';
import nbHotspots from './locales/nb/hotspots.json';
import nbIdeas from './locales/nb/ideas.json';
import nbInsights from './locales/nb/insights.json';
import nbMail from './locales/nb/mail.json';
import nbPeople from './locales/nb/people.json';
import nbReceipt from './locales/nb/receipt.json';
import nbSettings from './locales/nb/settings.json';
import nbStaff from './locales/nb/staff.json';
import nbStatus from './locales/nb/status.json';
import nbSurveys from './locales/nb/surveys.json';
import nbThanks from './locales/nb/thanks.json';
import plActions from './locales/pl/actions.json';
import plAnswering from './locales/pl/answering.json';
import plBoard from './locales/pl/board.json';
import plCharters from './locales/pl/charters.json';
import plCommon from './locales/pl/common.json';
import plHotspots from './locales/pl/hotspots.json';
import plIdeas from './locales/pl/ideas.json';
import plInsights from './locales/pl/insights.json';
import plMail from './locales/pl/mail.json';
import plPeople from './locales/pl/people.json';
import plReceipt from './locales/pl/receipt.json';
import plSettings from './locales/pl/settings.json';
import plStaff from './locales/pl/staff.json';
import plStatus from './locales/pl/status.json';
import plSurveys from './locales/pl/surveys.json';
import plThanks from './locales/pl/thanks.json';
import ptActions from './locales/pt/actions.json';
import ptAnswering from './locales/pt/answering.json';
import ptBoard from './locales/pt/board.json';
import ptCharters from './locales/pt/charters.json';
import ptCommon from './locales/pt/common.json';
import ptHotspots from './locales/pt/hotspots.json';
import ptIdeas from './locales/pt/ideas.json';
import ptInsights from './locales/pt/insights.json';
import ptMail from './locales/pt/mail.json';
import ptPeople from './locales/pt/people.json';
import ptReceipt from './locales/pt/receipt.json';
import ptSettings from './locales/pt/settings.json';
import ptStaff from './locales/pt/staff.json';
import ptStatus from './locales/pt/status.json';
import ptSurveys from './locales/pt/surveys.json';
import ptThanks from './locales/pt/thanks.json';
import ukActions from './locales/uk/actions.json';
import ukAnswering from './locales/uk/answering.json';
import ukBoard from './locales/uk/board.json';
import ukCharters from './locales/uk/charters.json';
import ukCommon from './locales/uk/common.json';
import ukHotspots from './locales/uk/hotspots.json';
import ukIdeas from './locales/uk/ideas.json';
import ukInsights from './locales/uk/insights.json';
import ukMail from './locales/uk/mail.json';
import ukPeople from './locales/uk/people.json';
import ukReceipt from './locales/uk/receipt.json';
import ukSettings from './locales/uk/settings.json';
import ukStaff from './locales/uk/staff.json';
import ukStatus from './locales/uk/status.json';
import ukSurveys from './locales/uk/surveys.json';
import ukThanks from './locales/uk/thanks.json';
import { languageCode } from './surveys/survey-schema';
import { readMessage } from './utils/message';

// Shared by the server (entry.server.tsx, i18n.server.ts), the browser (entry.client.tsx) and
// component tests. The texts are bundled, not fetched: pages make no extra requests and the
// content security policy needs no exception. Six languages of a few small files stay small.

export const fallbackLanguage: LanguageCode = 'en';
export const namespaces = [
  'common',
  'status',
  'answering',
  'receipt',
  'board',
  // Staff pages and staff e-mails: the shell and public staff pages, then one file per area.
  'staff',
  'surveys',
  'people',
  'insights',
  'ideas',
  'actions',
  'charters',
  'hotspots',
  'settings',
  'mail',
  // Thanks across departments: employee and staff pages alike.
  'thanks',
] as const;
export type Namespace = (typeof namespaces)[number];

export const resources = {
  en: {
    common: enCommon,
    status: enStatus,
    answering: enAnswering,
    receipt: enReceipt,
    board: enBoard,
    staff: enStaff,
    surveys: enSurveys,
    people: enPeople,
    insights: enInsights,
    ideas: enIdeas,
    actions: enActions,
    charters: enCharters,
    hotspots: enHotspots,
    settings: enSettings,
    mail: enMail,
    thanks: enThanks,
  },
  uk: {
    common: ukCommon,
    status: ukStatus,
    answering: ukAnswering,
    receipt: ukReceipt,
    board: ukBoard,
    staff: ukStaff,
    surveys: ukSurveys,
    people: ukPeople,
    insights: ukInsights,
    ideas: ukIdeas,
    actions: ukActions,
    charters: ukCharters,
    hotspots: ukHotspots,
    settings: ukSettings,
    mail: ukMail,
    thanks: ukThanks,
  },
  nb: {
    common: nbCommon,
    status: nbStatus,
    answering: nbAnswering,
    receipt: nbReceipt,
    board: nbBoard,
    staff: nbStaff,
    surveys: nbSurveys,
    people: nbPeople,
    insights: nbInsights,
    ideas: nbIdeas,
    actions: nbActions,
    charters: nbCharters,
    hotspots: nbHotspots,
    settings: nbSettings,
    mail: nbMail,
    thanks: nbThanks,
  },
  pt: {
    common: ptCommon,
    status: ptStatus,
    answering: ptAnswering,
    receipt: ptReceipt,
    board: ptBoard,
    staff: ptStaff,
    surveys: ptSurveys,
    people: ptPeople,
    insights: ptInsights,
    ideas: ptIdeas,
    actions: ptActions,
    charters: ptCharters,
    hotspots: ptHotspots,
    settings: ptSettings,
    mail: ptMail,
    thanks: ptThanks,
  },
  pl: {
    common: plCommon,
    status: plStatus,
    answering: plAnswering,
    receipt: plReceipt,
    board: plBoard,
    staff: plStaff,
    surveys: plSurveys,
    people: plPeople,
    insights: plInsights,
    ideas: plIdeas,
    actions: plActions,
    charters: plCharters,
    hotspots: plHotspots,
    settings: plSettings,
    mail: plMail,
    thanks: plThanks,
  },
  lv: {
    common: lvCommon,
    status: lvStatus,
    answering: lvAnswering,
    receipt: lvReceipt,
    board: lvBoard,
    staff: lvStaff,
    surveys: lvSurveys,
    people: lvPeople,
    insights: lvInsights,
    ideas: lvIdeas,
    actions: lvActions,
    charters: lvCharters,
    hotspots: lvHotspots,
    settings: lvSettings,
    mail: lvMail,
    thanks: lvThanks,
  },
} satisfies Record<LanguageCode, Record<Namespace, Resource[string][string]>>;

/** The i18next options every instance shares; only the language differs. */
export function i18nOptions(language: LanguageCode) {
  return {
    lng: language,
    fallbackLng: fallbackLanguage,
    supportedLngs: [...languageCodes],
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

// One ready instance per language, shared by every server render, message and mail of this
// process. Creating an instance with every language's resources (and its plural rules) costs
// more than rendering a small page, and nothing on the server changes an instance once made:
// the language is fixed at creation and the browser's changeLanguage runs only in effects.
// Nothing per person is kept on it.
const sharedInstances: Partial<Record<LanguageCode, I18n>> = {};

/** The process's shared i18next instance in one language; never change its language. */
export function sharedI18n(language: LanguageCode): I18n {
  return (sharedInstances[language] ??= createI18n(language));
}

/** The words of e-mails to one person, in their language (the `mail` namespace). */
export function mailWords(language: LanguageCode): TFunction<'mail'> {
  return sharedI18n(language).getFixedT(language, 'mail');
}

export function isLanguageCode(value: unknown): value is LanguageCode {
  return languageCode.safeParse(value).success;
}

/**
 * The language of the page being rendered: the deepest route whose loader data carries a
 * `locale` (employee pages: the reader's choice; staff pages: the signed-in person's preference),
 * else English.
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

/**
 * A message from the server (see ~/utils/message) in words, for places that are not a page: the
 * command line, a CSV, a mail. Pages use useMessage, which reads the page's language.
 */
export function messageText(text: string, language: LanguageCode = fallbackLanguage): string {
  const message = readMessage(text);
  if (!message) return text;
  return sharedI18n(language).t(`${message.namespace}:${message.key}`, {
    ...message.values,
    defaultValue: text,
  });
}

/**
 * A page's title in the language of the page: meta functions cannot use hooks, so they read the
 * language from the matched routes' data, as the document does. `parts` are message keys (or
 * plain names), innermost first: pageTitle(matches, 'staff:nav.settings') is "Settings · Innerloop".
 */
export function pageTitle(matches: readonly { data?: unknown }[], ...parts: string[]): string {
  const language = languageOfMatches(matches);
  return [...parts.map((part) => messageText(part, language)), 'Innerloop'].join(' · ');
}
