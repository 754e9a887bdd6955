import {
  type ActionFunctionArgs,
  type HeadersFunction,
  json,
  type LoaderFunctionArgs,
} from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';

import { BoardNotFound } from '~/board/components/board-not-found';
import { resolveEmployeeLanguage } from '~/i18n.server';
import { SendThanksForm, ThanksSent } from '~/thanks/components/send-thanks-form';
import { sendThanks, thanksFormOf } from '~/thanks/send.server';
import { sendThanksSchema } from '~/thanks/thanks-forms';
import { thanksLimits } from '~/thanks/thanks-limits.server';
import { parseForm, refuseForm } from '~/utils/form.server';
import { notFound } from '~/utils/permissions.server';

export const handle = { i18n: ['board', 'thanks'] };

// Like the board itself: reached by its key, kept out of shared caches.
const privateHeaders = { 'Cache-Control': 'private, no-cache' };
export const headers: HeadersFunction = () => privateHeaders;

const params = z.object({ boardKey: z.string().catch('') });

export async function loader({ params: raw, request }: LoaderFunctionArgs) {
  const { boardKey } = params.parse(raw);
  const [form, locale] = await Promise.all([
    thanksFormOf(boardKey),
    resolveEmployeeLanguage(request),
  ]);
  // Every bad key gets the same page and status, as on the board.
  if (!form)
    return json({ locale, form: null, boardKey }, { status: 404, headers: privateHeaders });
  const { from, departments, drivers } = form;
  return json(
    { locale, form: { from, departments, drivers }, boardKey },
    { headers: privateHeaders },
  );
}

export async function action({ params: raw, request, context }: ActionFunctionArgs) {
  const { boardKey } = params.parse(raw);
  const form = await thanksFormOf(boardKey);
  if (!form) throw notFound('No such board');
  const parsed = await parseForm(request, sendThanksSchema(form));
  // Every post counts, refused or not: what is typed comes back either way.
  if (!(await thanksLimits.take(context.clientAddress))) {
    return refuseForm({ errors: { form: ['thanks:send.tooMany'] }, values: parsed.values }, 429);
  }
  if (!parsed.ok) return refuseForm(parsed);
  await sendThanks(form, parsed.data, new Date());
  return json({ sent: true as const });
}

/** Thanking another department, from a department's board. */
export default function SendThanks() {
  const { form, boardKey } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation('thanks');
  if (!form) return <BoardNotFound />;
  const boardPath = `/board/${boardKey}`;
  return (
    <section className="thanks-page" aria-labelledby="thanks-title">
      <h1 id="thanks-title">{t('send.title')}</h1>
      {result && 'sent' in result ? (
        <ThanksSent boardPath={boardPath} thanksPath={`${boardPath}/thanks`} />
      ) : (
        <>
          <p>{t('send.intro', { department: form.from.name })}</p>
          <SendThanksForm
            from={form.from}
            departments={form.departments}
            drivers={form.drivers}
            errors={result && 'errors' in result ? result.errors : undefined}
            values={result && 'values' in result ? result.values : undefined}
          />
        </>
      )}
    </section>
  );
}
