import type { MetaFunction } from '@remix-run/node';
import { useTranslation } from 'react-i18next';

export const handle = { i18n: ['board'] };

export const meta: MetaFunction = () => [{ title: 'Innerloop' }];

/**
 * "You said, we did": published results and actions for employees. A later issue fills it;
 * for now it says what will appear, so the links from the thank-you page lead somewhere.
 */
export default function Board() {
  const { t } = useTranslation('board');
  return (
    <section className="board" aria-labelledby="board-title">
      <h1 id="board-title">{t('title')}</h1>
      <p>{t('intro')}</p>
      <p className="muted">{t('empty')}</p>
    </section>
  );
}
