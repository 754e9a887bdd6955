import { useTranslation } from 'react-i18next';

import { formatDay } from '~/board/components/board-format';
import type { IdeaReceipt } from '~/ideas/receipt.server';

/** What a receipt code shows the sender of an idea, on the one receipt page. */
export function IdeaReceiptView({ idea }: { idea: IdeaReceipt }) {
  const { t, i18n } = useTranslation('ideas');
  return (
    <article className="receipt-comment" aria-labelledby="idea-receipt-title">
      <h2 id="idea-receipt-title">
        {t('receipt.title', { kind: t(`kind.${idea.kind}`), department: idea.departmentName })}
      </h2>
      <blockquote>{idea.text}</blockquote>
      <p>
        {idea.released
          ? t('receipt.status', { status: t(`status.${idea.status}`) })
          : t('receipt.held')}
      </p>
      {idea.reason ? (
        <p>
          <strong>{t('board.reason')}</strong> {idea.reason}
        </p>
      ) : null}
      {idea.replies.length > 0 ? (
        <section aria-labelledby="idea-receipt-replies">
          <h3 id="idea-receipt-replies">{t('receipt.replies')}</h3>
          <ul className="receipt-replies">
            {idea.replies.map((reply, at) => (
              <li key={at}>
                <p>{reply.text}</p>
                <p className="muted">
                  {t('receipt.replyFrom', {
                    name: reply.authorName,
                    day: formatDay(reply.day, i18n.language),
                  })}
                </p>
              </li>
            ))}
          </ul>
        </section>
      ) : idea.released ? (
        <p className="muted">{t('receipt.noReplies')}</p>
      ) : null}
    </article>
  );
}
