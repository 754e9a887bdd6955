import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';

import { FormAlert } from '~/components/ui/form-alert';
import { Table } from '~/components/ui/table';
import { FirstRunChecklist } from '~/surveys/components/first-run-checklist';
import { firstRunChecklist } from '~/surveys/first-run.server';
import { formatStaffMoment } from '~/surveys/local-time';
import { runSchedulerOnce } from '~/surveys/scheduler.server';
import { listSurveys } from '~/surveys/surveys.server';
import { getEnv } from '~/utils/env.server';
import { parseForm, refuseForm } from '~/utils/form.server';
import { createLogger } from '~/utils/log.server';
import { requireHrAdmin, requireStaff } from '~/utils/permissions.server';
import { errorsIn } from '~/utils/submission';

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
        closes: formatStaffMoment(
          new Date(survey.openCycle.closesAt),
          survey.timeZone,
          user.language,
        ),
      },
      nextCycle: survey.nextCycleAt
        ? formatStaffMoment(new Date(survey.nextCycleAt), survey.timeZone, user.language)
        : null,
    })),
  });
}

const intentSchema = z.object({ intent: z.literal('run-scheduler') });

export async function action({ request }: ActionFunctionArgs) {
  await requireHrAdmin(request);
  const form = await parseForm(request, intentSchema);
  if (!form.ok) {
    return refuseForm({ errors: { form: ['surveys:errors.chooseIntent'] }, values: form.values });
  }
  const report = await runSchedulerOnce(new Date(), { logger: createLogger(getEnv().LOG_LEVEL) });
  return json({ report });
}

export default function SurveyList() {
  const { t } = useTranslation('surveys');
  const { surveys, hrAdmin, checklist } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const running = useNavigation().state === 'submitting';
  const report = result && 'report' in result ? result.report : null;
  return (
    <section aria-labelledby="page-title">
      <div className="toolbar">
        <h1 id="page-title">{t('title')}</h1>
        {hrAdmin ? (
          <Link to="/surveys/new" className="button">
            {t('list.newSurvey')}
          </Link>
        ) : null}
      </div>
      <p>{t('list.intro')}</p>
      {checklist ? <FirstRunChecklist items={checklist} /> : null}
      {surveys.length === 0 ? (
        <p className="muted">{hrAdmin ? t('list.emptyHr') : t('list.empty')}</p>
      ) : (
        <Table
          caption={t('title')}
          columns={[
            t('list.survey'),
            t('list.status'),
            t('list.cadence'),
            t('list.questions'),
            t('list.openNow'),
            t('list.nextCycle'),
          ]}
        >
          {surveys.map((survey) => (
            <tr key={survey.id}>
              <th scope="row">
                {hrAdmin ? <Link to={`/surveys/${survey.id}`}>{survey.title}</Link> : survey.title}
              </th>
              <td>
                <span className={`status status-${survey.status}`}>
                  {t(`status.${survey.status}`)}
                </span>
              </td>
              <td>{t(`cadence.${survey.cadence}`)}</td>
              <td>{survey.questionCount}</td>
              <td>
                {survey.openCycle
                  ? t('list.openCycle', {
                      number: survey.openCycle.number,
                      closes: survey.openCycle.closes,
                    })
                  : '—'}
              </td>
              <td>{survey.nextCycle ?? '—'}</td>
            </tr>
          ))}
        </Table>
      )}
      {hrAdmin ? (
        <Form method="post" className="scheduler-now">
          <h2>{t('list.schedulerTitle')}</h2>
          <p className="field-hint">{t('list.schedulerHint')}</p>
          <button
            type="submit"
            name="intent"
            value="run-scheduler"
            className="button button-quiet"
            disabled={running}
          >
            {t('list.runScheduler')}
          </button>
          {report ? (
            <p className="form-notice" role="status">
              {t('list.report', {
                opened: report.cyclesOpened,
                closed: report.cyclesClosed,
                invites: report.invitesSent,
                reminders: report.remindersSent,
              })}
              {report.failures > 0
                ? ` ${t('list.reportFailures', { failures: report.failures })}`
                : ''}
            </p>
          ) : null}
          <FormAlert message={errorsIn(result).form?.[0]} />
        </Form>
      ) : null}
    </section>
  );
}
