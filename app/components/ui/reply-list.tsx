import { useTranslation } from 'react-i18next';

import { formatDay } from '~/board/components/board-format';

/** A reply as a receipt shows it: its words, who wrote it and the day (never finer). */
export interface ReceiptReply {
  text: string;
  authorName: string;
  day: string;
}

/**
 * The replies a receipt code shows its sender, a comment's or an idea's alike. `from` words the
 * line under each reply from the author's name and the day, in the page's own words.
 */
export function ReplyList({
  replies,
  from,
}: {
  replies: readonly ReceiptReply[];
  from: (words: { name: string; day: string }) => string;
}) {
  const { i18n } = useTranslation();
  return (
    <ul className="receipt-replies">
      {replies.map((reply, at) => (
        <li key={at}>
          <p>{reply.text}</p>
          <p className="muted">
            {from({ name: reply.authorName, day: formatDay(reply.day, i18n.language) })}
          </p>
        </li>
      ))}
    </ul>
  );
}
