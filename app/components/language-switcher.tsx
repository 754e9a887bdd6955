import { Form, useLocation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';

import { type LanguageCode, languageCodes } from '../../models/vocabulary';

/**
 * The six languages (or those `languages` names), each named in itself, as buttons of one small
 * form. It posts to /language, which remembers the choice in a cookie and sends the reader back to
 * the page they were on. Works without JavaScript.
 */
export function LanguageSwitcher({
  languages = languageCodes,
}: {
  languages?: readonly LanguageCode[];
}) {
  const { t, i18n } = useTranslation('common');
  const location = useLocation();
  const returnTo = `${location.pathname}${location.search}`;
  const current = i18n.language;

  return (
    <Form method="post" action="/language" className="language-switcher" preventScrollReset>
      <input type="hidden" name="returnTo" value={returnTo} />
      <fieldset>
        <legend>{t('languageSwitcher.label')}</legend>
        <ul>
          {languages.map((code) => {
            const name = t('languageName', { lng: code });
            const isCurrent = code === current;
            return (
              <li key={code}>
                <button
                  type="submit"
                  name="lng"
                  value={code}
                  lang={code}
                  aria-pressed={isCurrent}
                  aria-label={isCurrent ? t('languageSwitcher.current', { language: name }) : name}
                >
                  {name}
                </button>
              </li>
            );
          })}
        </ul>
      </fieldset>
    </Form>
  );
}
