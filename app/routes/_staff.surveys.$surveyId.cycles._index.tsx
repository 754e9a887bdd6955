import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';

import { FormAlert } from '~/components/ui/form-alert';
import { Table } from '~/components/ui/table';
import { useMessage } from '~/components/ui/use-message';
import type { Count } from '~/insights/types';
import { cycleWindow } from '~/surveys/cadence';
import { listCycles } from '~/surveys/cycles.server';
import { formatStaffMoment } from '~/surveys/local-time';
import { countText, rateOf } from '~/surveys/participation';
import { participationByCycle } from '~/surveys/participation.server';
import { sendFirstCycleNow } from '~/surveys/send-now.server';
import { getSurvey, setKiosk } from '~/surveys/surveys.server';
import { getEnv } from '~/utils/env.server';
import { parseForm, refuseForm } from '~/utils/form.server';
import { createLogger } from '~/utils/log.server';
import { message } from '~/utils/message';
import { notFound, requireHrAdmin } from '~/utils/permissions.server';
import { errorsIn } from '~/utils/submission';

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireHrAdmin(request);
  const survey = await getSurvey(params.surveyId ?? '');
  if (!survey) throw notFound();
  const [cycles, counts] = await Promise.all([
    listCycles(survey.id),
    participationByCycle(survey.id),
  ]);
  const zone = survey.definition.schedule.timeZone;
  return json({
    surveyId: survey.id,
    kiosk: survey.kiosk,
    // The first cycle can go out at once rather than waiting for its start date and hour.
    canSendNow: survey.status === 'active' && cycles.length === 0,
    firstOpens:
      survey.status === 'active' && cycles.length === 0
        ? firstOpening(survey, user.language)
        : null,
    timeZone: zone,
    cycles: cycles.map((cycle) => ({
      id: cycle.id,
      number: cycle.number,
      status: cycle.status,
      missed: cycle.missed,
      opens: formatStaffMoment(new Date(cycle.opensAt), zone, user.language),
      closes: formatStaffMoment(new Date(cycle.closesAt), zone, user.language),
      ...figuresOf(counts.get(cycle.id)),
    })),
  });
}

/** Participation of one cycle, for the table to print in the reader's words. */
function figuresOf(counts: { invited: number; answered: Count } | undefined): {
  invited: number;
  answered: Count;
} {
  return counts ?? { invited: 0, answered: { state: 'shown', value: 0 } };
}

function firstOpening(
  survey: { definition: { schedule: Parameters<typeof cycleWindow>[0] } },
  language: string,
) {
  return formatStaffMoment(
    cycleWindow(survey.definition.schedule, 1).opensAt,
    survey.definition.schedule.timeZone,
    language,
  );
}

const intentSchema = z.object({ intent: z.enum(['kiosk-on', 'kiosk-off', 'send-now']) });

export async function action({ request, params }: ActionFunctionArgs) {
  await requireHrAdmin(request);
  const form = await parseForm(request, intentSchema);
  if (!form.ok) {
    return refuseForm({ errors: { form: ['surveys:errors.chooseIntent'] }, values: form.values });
  }
  const surveyId = params.surveyId ?? '';
  if (form.data.intent === 'send-now') {
    const sent = await sendFirstCycleNow(surveyId, new Date(), {
      logger: createLogger(getEnv().LOG_LEVEL),
    });
    if (!sent) throw notFound();
    if (!sent.ok) return refuseForm({ errors: { form: [sent.message] }, values: form.values }, 409);
    return json({
      notice: message('surveys:cycles.sent', { number: sent.cycleNumber, count: sent.invited }),
    });
  }
  if (!(await setKiosk(surveyId, form.data.intent === 'kiosk-on'))) throw notFound();
  return json({ notice: null });
}

export default function SurveyCycles() {
  const { surveyId, cycles, kiosk, timeZone, canSendNow, firstOpens } =
    useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === 'submitting';
  const { t } = useTranslation('surveys');
  const say = useMessage();
  return (
    <>
      <h2>{t('cycles.title')}</h2>
      <p>{t('cycles.intro', { timeZone })}</p>
      {result && 'notice' in result && result.notice ? (
        <p className="form-notice" role="status">
          {say(result.notice)}
        </p>
      ) : null}
      <FormAlert message={errorsIn(result).form?.[0]} />
      {canSendNow ? (
        <Form method="post" className="send-now">
          <p>
            <strong>{t('cycles.firstOpens', { when: firstOpens })}</strong>{' '}
            {t('cycles.sendNowHint')}
          </p>
          <button type="submit" name="intent" value="send-now" className="button" disabled={busy}>
            {t('cycles.sendNow')}
          </button>
        </Form>
      ) : null}
      <Form method="post" className="kiosk-toggle">
        <p>
          <strong>{kiosk ? t('cycles.kioskOn') : t('cycles.kioskOff')}</strong>{' '}
          {kiosk ? t('cycles.kioskOnHint') : t('cycles.kioskOffHint')}
        </p>
        <button
          type="submit"
          name="intent"
          value={kiosk ? 'kiosk-off' : 'kiosk-on'}
          className="button button-quiet"
          disabled={busy}
        >
          {kiosk ? t('cycles.turnOff') : t('cycles.turnOn')}
        </button>
      </Form>
      {cycles.length === 0 ? (
        <p className="muted">{t('cycles.none')}</p>
      ) : (
        <Table
          caption={t('cycles.caption')}
          columns={[
            t('cycles.cycle'),
            t('cycles.status'),
            t('cycles.opens'),
            t('cycles.closes'),
            t('cycles.invited'),
            t('cycles.answered'),
            t('cycles.participation'),
          ]}
        >
          {cycles.map((cycle) => (
            <tr key={cycle.id}>
              <th scope="row">
                <Link to={`/surveys/${surveyId}/cycles/${cycle.id}`}>
                  {t('cycles.cycleNumber', { number: cycle.number })}
                </Link>
              </th>
              <td>
                {t(`cycleStatus.${cycle.status}`)}
                {cycle.missed ? <span className="muted">{t('cycles.missed')}</span> : null}
              </td>
              <td>{cycle.opens}</td>
              <td>{cycle.closes}</td>
              <td>{cycle.invited}</td>
              <td>{countText(cycle.answered, t('cycle.withheld'))}</td>
              <td>{rateOf(cycle.answered, cycle.invited, t('cycle.withheld'))}</td>
            </tr>
          ))}
        </Table>
      )}
    </>
  );
}
