import { createCookie } from '@remix-run/node';

import type { LanguageCode } from '../models/vocabulary';
import { fallbackLanguage, isLanguageCode } from './i18n';

/**
 * The language an employee chose with the switcher on this device. Not a secret, but httpOnly
 * like every cookie here: the browser learns the language from <html lang>.
 */
export const languageCookie = createCookie('lng', {
  path: '/',
  httpOnly: true,
  sameSite: 'lax',
  maxAge: 60 * 60 * 24 * 365,
});

/** The switcher's choice, when the cookie holds a language we speak. */
async function languageFromCookie(request: Request): Promise<LanguageCode | null> {
  const value: unknown = await languageCookie.parse(request.headers.get('Cookie'));
  return isLanguageCode(value) ? value : null;
}

/**
 * The language of an employee page: a choice made with the language switcher on this device,
 * then the person's preferred language (pages that know the person through an invite pass it),
 * then the browser's Accept-Language, then English.
 *
 * The switcher's cookie comes before the stored preference on purpose: it is an explicit
 * choice made by whoever holds the phone right now, and if the preference won, the switcher
 * would do nothing on the very pages that carry an invite.
 */
export async function resolveEmployeeLanguage(
  request: Request,
  { preferred }: { preferred?: LanguageCode | null } = {},
): Promise<LanguageCode> {
  const chosen = await languageFromCookie(request);
  if (chosen) return chosen;
  if (preferred && isLanguageCode(preferred)) return preferred;
  return languageFromHeader(request.headers.get('Accept-Language')) ?? fallbackLanguage;
}

// Norwegian browsers send nb, no or nn; a Nynorsk reader reads Bokmål far better than English.
const sameLanguage: Record<string, LanguageCode> = { no: 'nb', nn: 'nb' };

/**
 * The first language of Accept-Language, by weight, that we speak. remix-i18next's own header
 * detection looks only at the browser's first language, so "de, pt-BR" would get English.
 */
export function languageFromHeader(header: string | null): LanguageCode | null {
  if (!header) return null;
  const ranked = header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...parameters] = part.trim().split(';');
      const q = parameters.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find(Boolean);
      return { tag: tag.trim().toLowerCase(), weight: q === undefined ? 1 : Number(q), index };
    })
    .filter(({ tag, weight }) => tag && weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  for (const { tag } of ranked) {
    const base = tag.split('-')[0] ?? '';
    const language = sameLanguage[base] ?? base;
    if (isLanguageCode(language)) return language;
  }
  return null;
}
