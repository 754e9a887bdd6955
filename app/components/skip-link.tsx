import { useTranslation } from 'react-i18next';

/** First focusable element of every shell, so keyboard users can jump past the navigation. */
export function SkipLink() {
  const { t } = useTranslation('common');
  return (
    <a className="skip-link" href="#main">
      {t('skipLink')}
    </a>
  );
}
