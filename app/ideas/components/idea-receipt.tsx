import { useTranslation } from 'react-i18next';

import { ReplyList } from '~/components/ui/reply-list';
import type { IdeaReceipt } from '~/ideas/receipt.server';

/** What a receipt code shows the sender of an idea, on the one receipt page. */
export function IdeaReceiptView({ idea }: { idea: IdeaReceipt }) {
  const { t } = useTranslation('ideas');
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
          <ReplyList replies={idea.replies} from={(words) => t('receipt.replyFrom', words)} />
        </section>
      ) : idea.released ? (
        <p className="muted">{t('receipt.noReplies')}</p>
      ) : null}
    </article>
  );
}
