import { Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';

import { useMessage } from '~/components/ui/use-message';

export interface ChecklistItem {
  step: 'people' | 'services' | 'survey' | 'start' | 'send';
  done: boolean;
  to: string;
  /** Where the step stands: a message key from the server (see ~/utils/message). */
  detail: string;
}

/** The first steps of a new organisation, each ticked from the data and linked to its page. */
export function FirstRunChecklist({ items }: { items: ChecklistItem[] }) {
  const { t } = useTranslation('surveys');
  const say = useMessage();
  const done = items.filter((item) => item.done).length;
  return (
    <section className="first-run" aria-labelledby="first-run-title">
      <h2 id="first-run-title">{t('firstRun.title')}</h2>
      <p className="field-hint">{t('firstRun.progress', { done, total: items.length })}</p>
      <ol className="first-run-list">
        {items.map((item) => (
          <li key={item.step} className={item.done ? 'first-run-done' : undefined}>
            <span className="first-run-mark" aria-hidden="true">
              {item.done ? '✓' : '○'}
            </span>
            <span>
              <Link to={item.to}>{t(`firstRun.step.${item.step}`)}</Link>
              <span className="visually-hidden">
                {item.done ? t('firstRun.done') : t('firstRun.toDo')}
              </span>
              <span className="first-run-detail">{say(item.detail)}</span>
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}
