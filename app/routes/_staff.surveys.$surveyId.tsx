import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import {
  Form,
  Link,
  NavLink,
  Outlet,
  useActionData,
  useLoaderData,
  useNavigation,
} from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';

import { FormAlert } from '~/components/ui/form-alert';
import { pageTitle } from '~/i18n';
import { StatusConfirmationPanel } from '~/surveys/components/status-confirmation';
import { statusConfirmation } from '~/surveys/status-confirmation.server';
import { changeStatus, duplicateSurvey, getSurvey } from '~/surveys/surveys.server';
import { parseForm, refuseForm } from '~/utils/form.server';
import { notFound, requireHrAdmin } from '~/utils/permissions.server';
import { errorsIn } from '~/utils/submission';

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  {
    title: pageTitle(
      matches,
      data?.survey.title || 'surveys:survey.fallbackTitle',
      'surveys:title',
    ),
  },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireHrAdmin(request);
  const survey = await getSurvey(params.surveyId ?? '');
  if (!survey) throw notFound();
  const { definition } = survey;
  return json({
    survey: {
      id: survey.id,
      title: definition.title[definition.defaultLanguage] ?? '',
      status: survey.status,
      cadence: definition.schedule.cadence,
      startDate: definition.schedule.startDate,
      cycleCount: survey.cycleCount,
    },
  });
}

const lifecycleSchema = z.object({
  intent: z.enum(['activate', 'pause', 'resume', 'end', 'duplicate']),
  // Starting and ending happen only from the confirmation step, which sends this.
  confirmed: z.literal('yes').optional(),
});

// The buttons in the header: start, pause, resume, end or copy the survey. Start and End first
// answer with what they would do (a confirmation step that works without JavaScript); only the
// confirmation's own button, which posts confirmed=yes, changes the survey.
export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireHrAdmin(request);
  const surveyId = params.surveyId ?? '';
  const form = await parseForm(request, lifecycleSchema);
  if (!form.ok) {
    return refuseForm({
      errors: { form: ['surveys:errors.chooseSurveyIntent'] },
      values: form.values,
    });
  }
  const now = new Date();
  const { intent, confirmed } = form.data;
  if (intent === 'duplicate') {
    const copy = await duplicateSurvey(surveyId, now);
    if (!copy) throw notFound();
    return redirect(`/surveys/${copy}`);
  }
  if ((intent === 'activate' || intent === 'end') && !confirmed) {
    const confirm = await statusConfirmation(surveyId, intent);
    if (!confirm) throw notFound();
    return json({ confirm });
  }
  const result = await changeStatus(surveyId, intent, now, user.language);
  if (!result) throw notFound();
  if (!result.ok) return refuseForm({ errors: { form: [result.message] }, values: form.values });
  return json({ confirm: null });
}

// Each button's label is its intent's word in the surveys namespace (survey.activate, …).
const lifecycleButtons = {
  draft: ['activate'],
  active: ['pause', 'end'],
  paused: ['resume', 'end'],
  ended: [],
} as const;

export default function SurveyLayout() {
  const { t } = useTranslation('surveys');
  const { survey } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const confirm = result && 'confirm' in result ? result.confirm : null;
  const busy = useNavigation().state === 'submitting';
  const base = `/surveys/${survey.id}`;
  return (
    <section aria-labelledby="page-title">
      <p className="no-print">
        <Link to="/surveys">{t('survey.back')}</Link>
      </p>
      <div className="survey-header no-print">
        <h1 id="page-title">{survey.title}</h1>
        <p>
          <span className={`status status-${survey.status}`}>{t(`status.${survey.status}`)}</span>{' '}
          <span className="muted">
            {t('survey.schedule', {
              cadence: t(`cadence.${survey.cadence}`),
              startDate: survey.startDate,
              cycles: survey.cycleCount,
            })}
          </span>
        </p>
        <p className="muted">{t(`survey.note.${survey.status}`)}</p>
        {confirm && survey.status !== 'ended' ? (
          <StatusConfirmationPanel confirm={confirm} action={base} cancel={base} busy={busy} />
        ) : (
          <Form method="post" action={base} className="lifecycle">
            {lifecycleButtons[survey.status].map((intent) => (
              <button
                key={intent}
                type="submit"
                name="intent"
                value={intent}
                className="button"
                disabled={busy}
              >
                {t(`survey.${intent}`)}
              </button>
            ))}
            <button
              type="submit"
              name="intent"
              value="duplicate"
              className="button button-quiet"
              disabled={busy}
            >
              {t('survey.duplicate')}
            </button>
          </Form>
        )}
        <FormAlert message={errorsIn(result).form?.[0]} />
        <nav className="sub-nav" aria-label={t('survey.nav')}>
          <ul>
            <li>
              <NavLink to={base} end>
                {t('survey.design')}
              </NavLink>
            </li>
            <li>
              <NavLink to={`${base}/preview`}>{t('survey.preview')}</NavLink>
            </li>
            <li>
              <NavLink to={`${base}/cycles`}>{t('survey.cycles')}</NavLink>
            </li>
          </ul>
        </nav>
      </div>
      <Outlet />
    </section>
  );
}
