import {
  type ActionFunctionArgs,
  type HeadersFunction,
  json,
  type LoaderFunctionArgs,
} from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';

import { BoardNotFound } from '~/board/components/board-not-found';
import { FormAlert } from '~/components/ui/form-alert';
import { SelectField } from '~/components/ui/select-field';
import { TextAreaField } from '~/components/ui/text-area-field';
import { ideaTextBounds, sendIdeaInput } from '~/ideas/idea-forms';
import { departmentOfBoard, ideaLimits, sendIdea } from '~/ideas/send.server';
import { parseForm, refuseForm } from '~/utils/form.server';
import { notFound } from '~/utils/permissions.server';
import type { FormValues } from '~/utils/submission';

import { ideaKinds } from '../../models/vocabulary';

// Anyone with a department's board address may send it an idea or concern, without signing in.
// The key stays out of shared caches, as the board's does.
const pageHeaders = { 'Cache-Control': 'private, no-cache' };
export const headers: HeadersFunction = () => pageHeaders;

const params = z.object({ boardKey: z.string().catch('') });

export async function loader({ params: given }: LoaderFunctionArgs) {
  const department = await departmentOfBoard(params.parse(given).boardKey);
  // Every bad key gets the same page and status, so keys cannot be probed.
  return json({ department }, { status: department ? 200 : 404, headers: pageHeaders });
}

const noValues: FormValues = {};

export async function action({ params: given, request, context }: ActionFunctionArgs) {
  const { boardKey } = params.parse(given);
  const department = await departmentOfBoard(boardKey);
  if (!department) throw notFound('Board not found');
  if (!(await ideaLimits.take(context.clientAddress))) {
    return refuseForm({ errors: { form: ['ideas:errors.tooMany'] }, values: noValues }, 429);
  }
  const form = await parseForm(request, sendIdeaInput);
  if (!form.ok) return refuseForm(form);
  const result = await sendIdea(department.id, form.data);
  if (!result.ok) return refuseForm({ errors: result.errors, values: form.values });
  // Shown once, on this answer only: the code is never stored or sent anywhere else.
  return json({ code: result.code });
}

/** The idea form of a department's board; after sending, the receipt code, shown once. */
export default function SendIdea() {
  const { department } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation('ideas');
  const busy = useNavigation().state === 'submitting';
  if (!department) return <BoardNotFound />;
  const code = result && 'code' in result ? result.code : null;
  const refused = result && 'errors' in result ? result : null;
  const errors = refused?.errors;
  const typed = (name: string) => {
    const value = refused?.values[name];
    return typeof value === 'string' ? value : undefined;
  };
  if (code) {
    return (
      <section className="status-page" aria-labelledby="idea-sent-title">
        <h1 id="idea-sent-title">{t('send.sentTitle')}</h1>
        <p>{t('send.sentBody', { department: department.name })}</p>
        <div className="receipt-box" role="group" aria-labelledby="idea-receipt-title">
          <h2 id="idea-receipt-title">{t('send.receiptTitle')}</h2>
          <p className="receipt-code" translate="no">
            <code>{code}</code>
          </p>
          <p>{t('send.receiptBody')}</p>
          <p>
            <Link to="/receipt">{t('send.receiptLink')}</Link>
          </p>
        </div>
        <p>
          <Link to=".." relative="path" className="button-link">
            {t('send.backToBoard')}
          </Link>
        </p>
      </section>
    );
  }
  return (
    <section className="idea-send" aria-labelledby="idea-send-title">
      <h1 id="idea-send-title">{t('send.title', { department: department.name })}</h1>
      <p>{t('send.intro')}</p>
      <p>{t('send.anonymous')}</p>
      <Form method="post" className="receipt-form" noValidate>
        <FormAlert message={errors?.form?.[0]} />
        <SelectField
          label={t('send.kindLabel')}
          name="kind"
          defaultValue={typed('kind') ?? 'idea'}
          options={ideaKinds.map((kind) => ({ value: kind, label: t(`kind.${kind}`) }))}
          error={errors?.kind?.[0]}
        />
        <TextAreaField
          label={t('send.textLabel')}
          hint={t('send.textHint', { min: ideaTextBounds.min, max: ideaTextBounds.max })}
          name="text"
          rows={6}
          maxLength={ideaTextBounds.max}
          defaultValue={typed('text') ?? ''}
          error={errors?.text?.[0]}
          required
        />
        <button type="submit" className="button" disabled={busy}>
          {t('send.submit')}
        </button>
      </Form>
      <p>
        <Link to=".." relative="path">
          {t('send.backToBoard')}
        </Link>
      </p>
    </section>
  );
}
