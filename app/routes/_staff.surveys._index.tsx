import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { z } from 'zod';

import { FirstRunChecklist } from '~/components/first-run-checklist';
import { firstRunChecklist } from '~/surveys/first-run.server';
import { formatStaffMoment } from '~/surveys/local-time';
import { runSchedulerOnce } from '~/surveys/scheduler.server';
import { cadenceNames, statusNames } from '~/surveys/staff-words';
import { listSurveys } from '~/surveys/surveys.server';
import { getEnv } from '~/utils/env.server';
import { readForm } from '~/utils/form.server';
import { createLogger } from '~/utils/log.server';
import { requireHrAdmin, requireStaff } from '~/utils/permissions.server';

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireStaff(request);
  const [surveys, checklist] = await Promise.all([
    listSurveys(new Date()),
    user.hrAdmin ? firstRunChecklist() : null,
  ]);
  return json({
    hrAdmin: user.hrAdmin,
    // Shown until every first step is done; leaders never see it.
    checklist: checklist?.every((item) => item.done) ? null : checklist,
    surveys: surveys.map((survey) => ({
      ...survey,
      openCycle: survey.openCycle && {
        number: survey.openCycle.number,
        closes: formatStaffMoment(new Date(survey.openCycle.closesAt), survey.timeZone),
      },
      nextCycle: survey.nextCycleAt
        ? formatStaffMoment(new Date(survey.nextCycleAt), survey.timeZone)
        : null,
    })),
  });
}

const intentSchema = z.object({ intent: z.literal('run-scheduler') });

export async function action({ request }: ActionFunctionArgs) {
  await requireHrAdmin(request);
  const form = intentSchema.safeParse(Object.fromEntries(await readForm(request)));
  if (!form.success) return json({ error: 'Choose what to do.', report: null }, { status: 400 });
  const report = await runSchedulerOnce(new Date(), { logger: createLogger(getEnv().LOG_LEVEL) });
  return json({ error: null, report });
}

export default function SurveyList() {
  const { surveys, hrAdmin, checklist } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const running = useNavigation().state === 'submitting';
  const report = result?.report;
  return (
    <section aria-labelledby="page-title">
      <div className="toolbar">
        <h1 id="page-title">Surveys</h1>
        {hrAdmin ? (
          <Link to="/surveys/new" className="button">
            New survey
          </Link>
        ) : null}
      </div>
      <p>Recurring pulse surveys: what they ask, who answers and when each cycle opens.</p>
      {checklist ? <FirstRunChecklist items={checklist} /> : null}
      {surveys.length === 0 ? (
        <p className="muted">No surveys yet.{hrAdmin ? ' Start one from a template.' : ''}</p>
      ) : (
        <div className="table-scroll">
          <table className="table">
            <caption className="visually-hidden">Surveys</caption>
            <thead>
              <tr>
                <th scope="col">Survey</th>
                <th scope="col">Status</th>
                <th scope="col">How often</th>
                <th scope="col">Questions</th>
                <th scope="col">Open now</th>
                <th scope="col">Next cycle opens</th>
              </tr>
            </thead>
            <tbody>
              {surveys.map((survey) => (
                <tr key={survey.id}>
                  <th scope="row">
                    {hrAdmin ? (
                      <Link to={`/surveys/${survey.id}`}>{survey.title}</Link>
                    ) : (
                      survey.title
                    )}
                  </th>
                  <td>
                    <span className={`status status-${survey.status}`}>
                      {statusNames[survey.status]}
                    </span>
                  </td>
                  <td>{cadenceNames[survey.cadence]}</td>
                  <td>{survey.questionCount}</td>
                  <td>
                    {survey.openCycle
                      ? `Cycle ${survey.openCycle.number}, until ${survey.openCycle.closes}`
                      : '—'}
                  </td>
                  <td>{survey.nextCycle ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {hrAdmin ? (
        <Form method="post" className="scheduler-now">
          <h2>Cycles and invitations</h2>
          <p className="field-hint">
            Cycles open, send their invitations and close by themselves within a minute of their
            time. To open a cycle that has just fallen due at once, run the schedule now.
          </p>
          <button
            type="submit"
            name="intent"
            value="run-scheduler"
            className="button button-quiet"
            disabled={running}
          >
            Open due cycles now
          </button>
          {report ? (
            <p className="form-notice" role="status">
              {`${report.cyclesOpened} cycle(s) opened, ${report.cyclesClosed} closed, ${report.invitesSent} invitation(s) and ${report.remindersSent} reminder(s) sent.`}
              {report.failures > 0
                ? ` ${report.failures} survey(s) could not be processed; see the log.`
                : ''}
            </p>
          ) : null}
          {result?.error ? <p className="form-alert">{result.error}</p> : null}
        </Form>
      ) : null}
    </section>
  );
}
