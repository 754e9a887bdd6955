import { type ActionFunctionArgs, json, type MetaFunction } from '@remix-run/node';
import { Form, useActionData, useNavigation } from '@remix-run/react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';

import { lookUpReceipt, type ReceiptComment, receiptLimits } from '~/answering/receipt.server';
import { ReplyList } from '~/components/ui/reply-list';
import { TextField } from '~/components/ui/text-field';
import { IdeaReceiptView } from '~/ideas/components/idea-receipt';
import { type IdeaReceipt, lookUpIdeaReceipt } from '~/ideas/receipt.server';
import { parseForm } from '~/utils/form.server';

export const handle = { i18n: ['receipt'] };

export const meta: MetaFunction = () => [{ title: 'Innerloop' }];

const receiptForm = z.object({ code: z.string().trim().min(1).max(200) });

type ReceiptResult =
  | { outcome: 'invalid' | 'not-found' | 'too-many' }
  | { outcome: 'found'; comments: ReceiptComment[] }
  | { outcome: 'idea'; idea: IdeaReceipt };

/**
 * Looks up a receipt code. A POST, so the code (which unlocks a comment) stays out of addresses,
 * history and logs; it changes nothing. Unknown and malformed codes get the same answer.
 */
export async function action({ request, context }: ActionFunctionArgs) {
  if (!(await receiptLimits.take(context.clientAddress))) {
    return json<ReceiptResult>({ outcome: 'too-many' }, { status: 429 });
  }
  const parsed = await parseForm(request, receiptForm);
  // Not refuseForm: the answer never repeats the code, and says nothing about why it was refused.
  if (!parsed.ok) return json<ReceiptResult>({ outcome: 'invalid' }, { status: 400 });
  const lookup = await lookUpReceipt(parsed.data.code);
  // The same codes follow ideas (app/ideas/): one page for whatever a code was given for.
  if (!lookup.found) {
    const idea = await lookUpIdeaReceipt(parsed.data.code);
    if (idea) return json<ReceiptResult>({ outcome: 'idea', idea });
    return json<ReceiptResult>({ outcome: 'not-found' });
  }
  return json<ReceiptResult>({ outcome: 'found', comments: lookup.comments });
}

export default function Receipt() {
  const { t } = useTranslation('receipt');
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === 'submitting';
  const id = useId();
  const error =
    result?.outcome === 'invalid'
      ? t('required')
      : result?.outcome === 'not-found'
        ? t('notFound')
        : result?.outcome === 'too-many'
          ? t('tooMany')
          : null;

  return (
    <section className="receipt-page" aria-labelledby="receipt-title">
      <h1 id="receipt-title">{t('title')}</h1>
      <p>{t('intro')}</p>
      <Form method="post" className="receipt-form" noValidate>
        <TextField
          label={t('codeLabel')}
          name="code"
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          required
          error={error}
          alert
        />
        <button type="submit" className="button" disabled={busy}>
          {t('submit')}
        </button>
      </Form>
      {result?.outcome === 'idea' ? (
        <div className="receipt-result" role="status">
          <IdeaReceiptView idea={result.idea} />
        </div>
      ) : null}
      {result?.outcome === 'found' ? (
        <div className="receipt-result" role="status">
          {result.comments.map((comment, index) => (
            <article key={index} className="receipt-comment" aria-labelledby={`${id}-c${index}`}>
              <h2 id={`${id}-c${index}`}>{t('yourComments')}</h2>
              <blockquote>{comment.text}</blockquote>
              {comment.replies.length > 0 ? (
                <section aria-labelledby={`${id}-r${index}`}>
                  <h3 id={`${id}-r${index}`}>{t('replies')}</h3>
                  <ReplyList replies={comment.replies} from={(words) => t('replyFrom', words)} />
                </section>
              ) : (
                <p className="muted">{t('noReplies')}</p>
              )}
            </article>
          ))}
        </div>
      ) : null}
    </section>
  );
}
