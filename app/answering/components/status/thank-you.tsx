import { Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';

import { boardPath } from '~/board/board-path';
import { ThankADepartmentLink } from '~/thanks/components/thank-a-department-link';

export interface ThankYouProps {
  /** Shown once, right after submitting, when the answers included a comment. */
  receiptCode?: string | null;
  /** The respondent department's board key; without it the link goes to the company board. */
  boardKey?: string | null;
  /**
   * For a personal link: says that a link counts once. Every sender through a link is thanked
   * alike, whether or not it had been answered before (app/answering/link-owner.server.ts).
   */
  countedOnce?: boolean;
}

/** After submitting: what happens with the answers, where results appear, and the receipt. */
export function ThankYou({ receiptCode, boardKey, countedOnce = false }: ThankYouProps) {
  const { t } = useTranslation('status');
  return (
    <section className="status-page thank-you" aria-labelledby="status-title">
      <h1 id="status-title">{t('thankYou.title')}</h1>
      {countedOnce ? <p>{t('thankYou.countedOnce')}</p> : null}
      {receiptCode ? (
        <div className="receipt-box" role="group" aria-labelledby="receipt-title">
          <h2 id="receipt-title">{t('thankYou.receiptTitle')}</h2>
          <p className="receipt-code" translate="no">
            <code>{receiptCode}</code>
          </p>
          <p>{t('thankYou.receiptBody')}</p>
          <p>
            <Link to="/receipt">{t('thankYou.receiptLink')}</Link>
          </p>
        </div>
      ) : null}
      <h2>{t('thankYou.nextTitle')}</h2>
      <ol className="next-steps">
        <li>{t('thankYou.next1')}</li>
        <li>{t('thankYou.next2')}</li>
        <li>{t('thankYou.next3')}</li>
      </ol>
      <p>
        <Link to={boardPath(boardKey)} className="button-link">
          {t('thankYou.boardLink')}
        </Link>
      </p>
      <ThankADepartmentLink boardKey={boardKey} />
    </section>
  );
}
