import { Form } from '@remix-run/react';
import { useTranslation } from 'react-i18next';

import { TextAreaField } from '~/components/ui/text-area-field';
import { replyMaxLength } from '~/insights/comment-filters';

export interface ReplyFailure {
  errors: Record<string, string[] | undefined>;
  values: Record<string, string | string[]>;
}

/**
 * The reply box under one comment, folded into a "Reply" disclosure so a page of comments stays
 * short and the tab order passes one control per comment, not a whole form. A <details> opens
 * without JavaScript; it opens by itself when a refused reply has to be shown. `at` (the comment's place on the page) only tells the page
 * which box a refusal belongs to; the ref alone says which comment is meant.
 */
export function ReplyForm({
  commentRef,
  at,
  failure,
  submitting,
}: {
  commentRef: string;
  at: number;
  failure?: ReplyFailure;
  submitting: boolean;
}) {
  const { t } = useTranslation('insights');
  const error = failure?.errors.text?.[0] ?? failure?.errors.ref?.[0] ?? failure?.errors.form?.[0];
  const typed = failure?.values.text;
  return (
    <details className="reply-box" open={failure ? true : undefined}>
      <summary>
        {t('reply.summary')}{' '}
        <span className="visually-hidden">{t('reply.toComment', { number: at + 1 })}</span>
      </summary>
      <Form method="post" className="reply-form">
        <input type="hidden" name="intent" value="reply" />
        <input type="hidden" name="ref" value={commentRef} />
        <input type="hidden" name="at" value={at} />
        <TextAreaField
          label={
            <>
              {t('reply.summary')}{' '}
              <span className="visually-hidden">{t('reply.toComment', { number: at + 1 })}</span>
            </>
          }
          hint={t('reply.hint')}
          name="text"
          rows={3}
          maxLength={replyMaxLength}
          required
          defaultValue={typeof typed === 'string' ? typed : ''}
          error={error}
          alert
        />
        <button type="submit" className="button" disabled={submitting}>
          {t('reply.post')}
        </button>
      </Form>
    </details>
  );
}
