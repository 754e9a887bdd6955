import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Form, Link, useLoaderData, useNavigation } from '@remix-run/react';
import { z } from 'zod';

import type { Count } from '~/insights/types';
import { listCycles } from '~/surveys/cycles.server';
import { formatStaffMoment } from '~/surveys/local-time';
import { countText, rateOf } from '~/surveys/participation';
import { participationByCycle } from '~/surveys/participation.server';
import { cycleStatusNames } from '~/surveys/staff-words';
import { getSurvey, setKiosk } from '~/surveys/surveys.server';
import { readForm } from '~/utils/form.server';
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

const kioskSchema = z.object({ intent: z.enum(['kiosk-on', 'kiosk-off']) });

export async function action({ request, params }: ActionFunctionArgs) {
  await requireHrAdmin(request);
  const form = kioskSchema.safeParse(Object.fromEntries(await readForm(request)));
  if (!form.success) return json({ ok: false }, { status: 400 });
  if (!(await setKiosk(params.surveyId ?? '', form.data.intent === 'kiosk-on'))) throw notFound();
  return json({ ok: true });
}

export default function SurveyCycles() {
  const { surveyId, cycles, kiosk, timeZone } = useLoaderData<typeof loader>();
  const busy = useNavigation().state === 'submitting';
  return (
    <>
      <h2>Cycles and invitations</h2>
      <p>
        Each cycle invites everyone in the audience by e-mail and reminds those who have not
        answered once. Times are in {timeZone}. Answered counts invited people who answered, never
        who they are; while a cycle is open it moves in steps of the survey’s anonymity threshold.
      </p>
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
