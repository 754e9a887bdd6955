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
import { z } from 'zod';

import { StatusConfirmationPanel } from '~/components/status-confirmation';
import { FormAlert } from '~/components/ui/form-alert';
import { cadenceNames, statusNames } from '~/surveys/staff-words';
import { statusConfirmation } from '~/surveys/status-confirmation.server';
import { changeStatus, duplicateSurvey, getSurvey } from '~/surveys/surveys.server';
import { readForm } from '~/utils/form.server';
import { requireHrAdmin } from '~/utils/permissions.server';

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.survey.title ?? 'Survey'} · Surveys · Innerloop` },
];

const notFound = () => new Response('Not found', { status: 404 });

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
  await requireHrAdmin(request);
  const surveyId = params.surveyId ?? '';
  const form = lifecycleSchema.safeParse(Object.fromEntries(await readForm(request)));
  if (!form.success)
    return json({ message: 'Choose what to do with the survey.', confirm: null }, { status: 400 });
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
    return json({ message: null, confirm });
  }
  const result = await changeStatus(surveyId, intent, now);
  if (!result) throw notFound();
  if (!result.ok) return json({ message: result.message, confirm: null }, { status: 400 });
  return json({ message: null, confirm: null });
}

const lifecycleButtons = {
  draft: [{ intent: 'activate', label: 'Start survey' }],
  active: [
    { intent: 'pause', label: 'Pause' },
    { intent: 'end', label: 'End survey' },
  ],
  paused: [
    { intent: 'resume', label: 'Resume' },
    { intent: 'end', label: 'End survey' },
  ],
  ended: [],
} as const;

const statusNotes = {
  draft: 'A draft: nothing is sent until you start it.',
  active: 'Running: cycles open on schedule and invitations go out.',
  paused: 'Paused: no new cycles open and no reminders go out; an open cycle still closes on time.',
  ended: 'Ended: no more cycles. Its results stay.',
} as const;

export default function SurveyLayout() {
  const { survey } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === 'submitting';
  const base = `/surveys/${survey.id}`;
  return (
    <section aria-labelledby="page-title">
      <p className="no-print">
        <Link to="/surveys">← Surveys</Link>
      </p>
      <div className="survey-header no-print">
        <h1 id="page-title">{survey.title}</h1>
        <p>
          <span className={`status status-${survey.status}`}>{statusNames[survey.status]}</span>{' '}
          <span className="muted">
            {cadenceNames[survey.cadence]} from {survey.startDate} · {survey.cycleCount} cycle(s) so
            far
          </span>
        </p>
        <p className="muted">{statusNotes[survey.status]}</p>
        {result?.confirm && survey.status !== 'ended' ? (
          <StatusConfirmationPanel
            confirm={result.confirm}
            action={base}
            cancel={base}
            busy={busy}
          />
        ) : (
          <Form method="post" action={base} className="lifecycle">
            {lifecycleButtons[survey.status].map((button) => (
              <button
                key={button.intent}
                type="submit"
                name="intent"
                value={button.intent}
                className="button"
                disabled={busy}
              >
                {button.label}
              </button>
            ))}
            <button
              type="submit"
              name="intent"
              value="duplicate"
              className="button button-quiet"
              disabled={busy}
            >
              Duplicate
            </button>
          </Form>
        )}
        <FormAlert message={result?.message ?? undefined} />
        <nav className="sub-nav" aria-label="Survey">
          <ul>
            <li>
              <NavLink to={base} end>
                Design
              </NavLink>
            </li>
            <li>
              <NavLink to={`${base}/preview`}>Preview</NavLink>
            </li>
            <li>
              <NavLink to={`${base}/cycles`}>Cycles and invitations</NavLink>
            </li>
          </ul>
        </nav>
      </div>
      <Outlet />
    </section>
  );
}
