import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { z } from 'zod';

import type { Count } from '~/insights/types';
import { cycleWindow } from '~/surveys/cadence';
import { listCycles } from '~/surveys/cycles.server';
import { formatStaffMoment } from '~/surveys/local-time';
import { countText, rateOf } from '~/surveys/participation';
import { participationByCycle } from '~/surveys/participation.server';
import { sendFirstCycleNow } from '~/surveys/send-now.server';
import { cycleStatusNames } from '~/surveys/staff-words';
import { getSurvey, setKiosk } from '~/surveys/surveys.server';
import { getEnv } from '~/utils/env.server';
import { readForm } from '~/utils/form.server';
import { createLogger } from '~/utils/log.server';
import { requireHrAdmin } from '~/utils/permissions.server';

const notFound = () => new Response('Not found', { status: 404 });

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireHrAdmin(request);
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
    firstOpens: survey.status === 'active' && cycles.length === 0 ? firstOpening(survey) : null,
    timeZone: zone,
    cycles: cycles.map((cycle) => ({
      id: cycle.id,
      number: cycle.number,
      status: cycle.status,
      missed: cycle.missed,
      opens: formatStaffMoment(new Date(cycle.opensAt), zone),
      closes: formatStaffMoment(new Date(cycle.closesAt), zone),
      ...figuresOf(counts.get(cycle.id)),
    })),
  });
}

/** Participation of one cycle as the table prints it. */
function figuresOf(counts: { invited: number; answered: Count } | undefined) {
  if (!counts) return { invited: 0, answered: '0', rate: '—' };
  return {
    invited: counts.invited,
    answered: countText(counts.answered),
    rate: rateOf(counts.answered, counts.invited),
  };
}

function firstOpening(survey: { definition: { schedule: Parameters<typeof cycleWindow>[0] } }) {
  return formatStaffMoment(
    cycleWindow(survey.definition.schedule, 1).opensAt,
    survey.definition.schedule.timeZone,
  );
}

const intentSchema = z.object({ intent: z.enum(['kiosk-on', 'kiosk-off', 'send-now']) });

type ActionResult = { ok: boolean; message: string | null };

export async function action({ request, params }: ActionFunctionArgs) {
  await requireHrAdmin(request);
  const form = intentSchema.safeParse(Object.fromEntries(await readForm(request)));
  if (!form.success) {
    return json<ActionResult>({ ok: false, message: 'Choose what to do.' }, { status: 400 });
  }
  const surveyId = params.surveyId ?? '';
  if (form.data.intent === 'send-now') {
    const sent = await sendFirstCycleNow(surveyId, new Date(), {
      logger: createLogger(getEnv().LOG_LEVEL),
    });
    if (!sent) throw notFound();
    if (!sent.ok) return json<ActionResult>({ ok: false, message: sent.message }, { status: 409 });
    return json<ActionResult>({
      ok: true,
      message: `Cycle ${sent.cycleNumber} is open: ${sent.invited} invitation(s) sent.`,
    });
  }
  if (!(await setKiosk(surveyId, form.data.intent === 'kiosk-on'))) throw notFound();
  return json<ActionResult>({ ok: true, message: null });
}

export default function SurveyCycles() {
  const { surveyId, cycles, kiosk, timeZone, canSendNow, firstOpens } =
    useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === 'submitting';
  return (
    <>
      <h2>Cycles and invitations</h2>
      <p>
        Each cycle invites everyone in the audience by e-mail and reminds those who have not
        answered once. Times are in {timeZone}. Answered counts invited people who answered, never
        who they are; while a cycle is open it moves in steps of the survey’s anonymity threshold.
      </p>
      {result?.message ? (
        <p
          className={result.ok ? 'form-notice' : 'form-alert'}
          role={result.ok ? 'status' : 'alert'}
        >
          {result.message}
        </p>
      ) : null}
      {canSendNow ? (
        <Form method="post" className="send-now">
          <p>
            <strong>The first cycle opens {firstOpens}.</strong> To invite everyone now instead,
            send it now: the schedule then starts today at this hour, and later cycles follow from
            there.
          </p>
          <button type="submit" name="intent" value="send-now" className="button" disabled={busy}>
            Send the first cycle now
          </button>
        </Form>
      ) : null}
      <Form method="post" className="kiosk-toggle">
        <p>
          <strong>Open link for kiosks: {kiosk ? 'on' : 'off'}.</strong>{' '}
          {kiosk
            ? 'Each cycle also answers at one public link (shown on its page) for a shared tablet or a poster; each device answers once.'
            : 'Turn it on to give each cycle one public link for a shared tablet or a poster, besides the personal invitations.'}
        </p>
        <button
          type="submit"
          name="intent"
          value={kiosk ? 'kiosk-off' : 'kiosk-on'}
          className="button button-quiet"
          disabled={busy}
        >
          {kiosk ? 'Turn the open link off' : 'Turn the open link on'}
        </button>
      </Form>
      {cycles.length === 0 ? (
        <p className="muted">No cycles yet: the first one is created when it opens.</p>
      ) : (
        <div className="table-scroll">
          <table className="table">
            <caption className="visually-hidden">Cycles, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Cycle</th>
                <th scope="col">Status</th>
                <th scope="col">Opens</th>
                <th scope="col">Closes</th>
                <th scope="col">Invited</th>
                <th scope="col">Answered</th>
                <th scope="col">Participation</th>
              </tr>
            </thead>
            <tbody>
              {cycles.map((cycle) => (
                <tr key={cycle.id}>
                  <th scope="row">
                    <Link to={`/surveys/${surveyId}/cycles/${cycle.id}`}>Cycle {cycle.number}</Link>
                  </th>
                  <td>
                    {cycleStatusNames[cycle.status]}
                    {cycle.missed ? (
                      <span className="muted"> (missed: the app was not running)</span>
                    ) : null}
                  </td>
                  <td>{cycle.opens}</td>
                  <td>{cycle.closes}</td>
                  <td>{cycle.invited}</td>
                  <td>{cycle.answered}</td>
                  <td>{cycle.rate}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
