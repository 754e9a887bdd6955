import {
  type ActionFunctionArgs,
  type HeadersFunction,
  json,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';

import { AnswerForm, useForgetDraft } from '~/answering/components/answer-form';
import { CycleClosed } from '~/answering/components/status/cycle-closed';
import { LinkNotFound } from '~/answering/components/status/link-not-found';
import { ThankYou } from '~/answering/components/status/thank-you';
import { draftKeyFor } from '~/answering/draft-key.server';
import { openKioskLink, submitKioskForm } from '~/answering/kiosk-link.server';
import { errorCodeOf } from '~/answering/submission-schema';
import { boardKeyOf } from '~/board/board-keys.server';
import { FieldError } from '~/components/ui/field';
import { readForm } from '~/utils/form.server';

export const handle = { i18n: ['answering', 'status'] };

export const meta: MetaFunction = () => [
  { title: 'Innerloop' },
  { name: 'robots', content: 'noindex' },
];

const privateHeaders = { 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer' };
export const headers: HeadersFunction = () => privateHeaders;

export async function loader({ params, request }: LoaderFunctionArgs) {
  const kioskId = params.kioskId ?? '';
  const outcome = await openKioskLink(kioskId, request);
  const locale = outcome.status === 'unknown' ? null : outcome.language;
  return json(
    // The key under which earlier versions kept a draft here: forgotten on sight (see below).
    {
      locale,
      offeredLanguages: outcome.status === 'open' ? outcome.form.languages : null,
      outcome,
      staleDraftKey: draftKeyFor(`k/${kioskId}`),
    },
    { status: outcome.status === 'unknown' ? 404 : 200, headers: privateHeaders },
  );
}

export async function action({ params, request, context }: ActionFunctionArgs) {
  const kioskId = params.kioskId ?? '';
  const form = await readForm(request);
  const outcome = await submitKioskForm(kioskId, request, form, context.clientAddress);
  if (outcome.status === 'invalid') {
    const errors = Object.fromEntries(
      Object.entries(outcome.errors).map(([key, messages]) => [
        key,
        key === 'departmentId' ? 'form' : errorCodeOf(messages?.[0] ?? ''),
      ]),
    );
    return json(
      { status: 'invalid' as const, errors, department: 'departmentId' in outcome.errors },
      { status: 400, headers: privateHeaders },
    );
  }
  if (outcome.status === 'stored') {
    // Stored means the department picked was one the survey asks: its board is the one to show.
    const departmentId = form.get('departmentId');
    const boardKey = typeof departmentId === 'string' ? await boardKeyOf(departmentId) : null;
    return json(
      { status: 'stored' as const, receiptCode: outcome.receiptCode, boardKey },
      { headers: { ...privateHeaders, 'Set-Cookie': outcome.setCookie } },
    );
  }
  return json(outcome, { status: httpStatusOf(outcome.status), headers: privateHeaders });
}

function httpStatusOf(status: string): number {
  if (status === 'too-many') return 429;
  if (status === 'department-full') return 409;
  return status === 'unknown' ? 404 : 200;
}

export default function KioskPage() {
  const { t } = useTranslation('answering');
  const { outcome, staleDraftKey } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  // A shared device keeps no draft: the next person must not find the last one's answers.
  useForgetDraft(staleDraftKey, true);

  if (result?.status === 'stored') {
    return <ThankYou receiptCode={result.receiptCode} boardKey={result.boardKey} />;
  }
  if (result?.status === 'answered' || outcome.status === 'answered') {
    return (
      <section className="status-page" aria-labelledby="status-title">
        <h1 id="status-title">{t('kiosk.alreadyAnswered')}</h1>
      </section>
    );
  }
  if (result?.status === 'closed' || outcome.status === 'closed') return <CycleClosed />;
  if (outcome.status !== 'open' || result?.status === 'unknown') return <LinkNotFound />;
  const departmentError = result?.status === 'invalid' && result.department;
  return (
    <>
      {result?.status === 'too-many' ? (
        <p className="form-error" role="alert">
          {t('kiosk.tooMany')}
        </p>
      ) : null}
      {result?.status === 'department-full' ? (
        <p className="form-error" role="alert">
          {t('kiosk.departmentFull')}
        </p>
      ) : null}
      <AnswerForm
        form={outcome.form}
        draftKey={null}
        errors={result?.status === 'invalid' ? result.errors : {}}
        before={
          <div className="field">
            <p className="field-hint">{t('kiosk.note')}</p>
            <label htmlFor="kiosk-department">{t('kiosk.department')}</label>
            <select
              id="kiosk-department"
              name="departmentId"
              required
              defaultValue=""
              aria-invalid={departmentError ? true : undefined}
              aria-describedby={departmentError ? 'kiosk-department-error' : undefined}
            >
              <option value="" disabled>
                {t('kiosk.chooseDepartment')}
              </option>
              {outcome.departments.map((department) => (
                <option key={department.id} value={department.id}>
                  {department.name}
                </option>
              ))}
            </select>
            <FieldError id="kiosk-department-error" alert>
              {departmentError ? t('kiosk.departmentRequired') : null}
            </FieldError>
          </div>
        }
      />
    </>
  );
}
