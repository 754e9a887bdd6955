import { useId } from 'react';
import { useTranslation } from 'react-i18next';

import { commentRaiseLink } from '~/insights/action-links';
import type { InsightComment } from '~/insights/comment-view';
import { RaiseActionLink } from '~/insights/components/raise-action-link';

import { type ReplyFailure, ReplyForm } from './reply-form';

/** The comments of one page, each with its replies and a reply box, then what is withheld. */
export function CommentList({
  comments,
  withheldGroups,
  failure,
  submitting,
  surveyId,
}: {
  comments: InsightComment[];
  withheldGroups: number;
  /** The survey the comments answer: with it, each comment the user may act on gets a control. */
  surveyId?: string;
  /** A refused reply, and which comment's box (by place on the page) it came from. */
  failure?: ReplyFailure & { at: number };
  submitting: boolean;
}) {
  const { t } = useTranslation('insights');
  return (
    <>
      {comments.length === 0 ? (
        <p className="muted">{t('comments.none')}</p>
      ) : (
        <ol className="comment-list">
          {comments.map((comment, at) => (
            <CommentItem
              // Refs are fresh on every load; a comment's place on the page is what stays.
              key={at}
              comment={comment}
              at={at}
              failure={failure?.at === at ? failure : undefined}
              submitting={submitting}
              surveyId={surveyId}
            />
          ))}
        </ol>
      )}
      <WithheldSummary groups={withheldGroups} />
    </>
  );
}

function WithheldSummary({ groups }: { groups: number }) {
  const { t } = useTranslation('insights');
  if (groups === 0) return null;
  return <p className="withheld-summary">{t('comments.withheldGroups', { count: groups })}</p>;
}

function CommentItem({
  comment,
  at,
  failure,
  submitting,
  surveyId,
}: {
  comment: InsightComment;
  at: number;
  failure?: ReplyFailure;
  submitting: boolean;
  surveyId?: string;
}) {
  const { t } = useTranslation('insights');
  const id = useId();
  const action = commentRaiseLink(
    surveyId ?? '',
    comment.source,
    t('comments.commentNumber', { number: at + 1 }),
  );
  return (
    <li className="comment">
      <article aria-labelledby={`${id}-question`}>
        <h3 id={`${id}-question`} className="comment-question">
          <span className="visually-hidden">
            {t('comments.commentHeading', { number: at + 1 })}
          </span>{' '}
          {comment.questionText}
        </h3>
        <p className="comment-meta muted">
          {t('comments.meta', { number: comment.cycleNumber, department: comment.departmentName })}
        </p>
        <blockquote className="comment-text">{comment.text}</blockquote>
        {comment.replies.length > 0 ? (
          <section
            aria-label={t('comments.replies', { number: at + 1 })}
            className="comment-replies"
          >
            <ul>
              {comment.replies.map((reply, index) => (
                <li key={index}>
                  <p>{reply.text}</p>
                  <p className="muted">
                    {reply.authorName}, <time dateTime={reply.day}>{reply.day}</time>
                  </p>
                </li>
              ))}
            </ul>
          </section>
        ) : null}
        {action ? (
          <p className="comment-action">
            <RaiseActionLink link={action} />
          </p>
        ) : null}
        <ReplyForm commentRef={comment.ref} at={at} failure={failure} submitting={submitting} />
      </article>
    </li>
  );
}
