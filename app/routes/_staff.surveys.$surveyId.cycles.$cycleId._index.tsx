import type { LoaderFunctionArgs } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';

import { PrintableLinksForm } from '~/components/survey-view/printable-links-form';
import { QrCode } from '~/components/survey-view/qr-code';
import { getCycle } from '~/surveys/cycles.server';
import { formatStaffMoment } from '~/surveys/local-time';
import { countText, rateOf } from '~/surveys/participation';
import { participation } from '~/surveys/participation.server';
import { qrShape } from '~/surveys/qr.server';
import { cycleStatusNames } from '~/surveys/staff-words';
import { getSurvey } from '~/surveys/surveys.server';
import { appUrl, getEnv } from '~/utils/env.server';
import { requireHrAdmin } from '~/utils/permissions.server';

const linksErrors: Record<string, string> = {
  choose: 'Choose at least one department, or everyone invited.',
  closed: 'Links can only be made while the cycle is open.',
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireHrAdmin(request);
  const [survey, cycle] = await Promise.all([
    getSurvey(params.surveyId ?? ''),
    getCycle(params.surveyId ?? '', params.cycleId ?? ''),
  ]);
  if (!survey || !cycle) throw new Response('Not found', { status: 404 });
  const zone = survey.definition.schedule.timeZone;
  const kioskLink = survey.kiosk ? `${appUrl(getEnv())}/k/${cycle.kioskId}` : null;
  return json({
    surveyId: survey.id,
    cycle: {
      id: cycle.id,
      number: cycle.number,
      status: cycle.status,
      missed: cycle.missed,
      opens: formatStaffMoment(new Date(cycle.opensAt), zone),
      closes: formatStaffMoment(new Date(cycle.closesAt), zone),
      reminds: cycle.remindAt ? formatStaffMoment(new Date(cycle.remindAt), zone) : null,
      questionCount: cycle.questionCount,
    },
    participation: await participation(cycle.id),
    kiosk: kioskLink ? { link: kioskLink, qr: qrShape(kioskLink) } : null,
    linksError: linksErrors[new URL(request.url).searchParams.get('links') ?? ''] ?? null,
  });
}

export default function CyclePage() {
  const { surveyId, cycle, participation, kiosk, linksError } = useLoaderData<typeof loader>();
  return (
    <>
      <p className="no-print">
        <Link to={`/surveys/${surveyId}/cycles`}>← All cycles</Link>
      </p>
      <h2>Cycle {cycle.number}</h2>
      <dl className="facts">
        <dt>Status</dt>
        <dd>
          {cycleStatusNames[cycle.status]}
          {cycle.missed
            ? ' (missed: its time passed while the app was not running, so nobody was invited)'
            : ''}
        </dd>
        <dt>Opens</dt>
        <dd>{cycle.opens}</dd>
        <dt>Reminder</dt>
        <dd>{cycle.reminds ?? 'None'}</dd>
        <dt>Closes</dt>
        <dd>{cycle.closes}</dd>
        <dt>Questions asked</dt>
        <dd>{cycle.questionCount}</dd>
      </dl>

      <h3>Participation</h3>
      <p className="muted">
        Answered counts people invited who answered, never who they are. A department of fewer than{' '}
        {participation.threshold} who answered is withheld, and so is the next smallest where the
        total would give it away.
        {participation.stepped
          ? ` While the cycle is open, counts move in steps of ${participation.threshold}, so this page never shows that one person has just answered.`
          : ''}
      </p>
      {participation.departments.length === 0 ? (
        <p className="muted">Nobody has been invited to this cycle.</p>
      ) : (
        <div className="table-scroll">
          <table className="table">
            <caption className="visually-hidden">Invited and answered by department</caption>
            <thead>
              <tr>
                <th scope="col">Department</th>
                <th scope="col">Invited</th>
                <th scope="col">Answered</th>
                <th scope="col">Participation</th>
              </tr>
            </thead>
            <tbody>
              {participation.departments.map((row) => (
                <tr key={row.departmentId}>
                  <th scope="row">{row.department}</th>
                  <td>{row.invited}</td>
                  <td>{countText(row.answered)}</td>
                  <td>{rateOf(row.answered, row.invited)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">All</th>
                <td>{participation.invited}</td>
                <td>{countText(participation.answered)}</td>
                <td>{rateOf(participation.answered, participation.invited)}</td>
              </tr>
            </tfoot>
          </table>
        </div>
      )}
      {participation.openLink.state !== 'shown' || participation.openLink.value > 0 ? (
        <p>
          Answers through the open link (nobody invited behind them):{' '}
          {countText(participation.openLink)}.
        </p>
      ) : null}

      {kiosk ? (
        <section className="kiosk-link" aria-labelledby="kiosk-title">
          <h3 id="kiosk-title">Open link for kiosks</h3>
          <p>
            One link for everyone, for a shared tablet or a poster:{' '}
            <a href={kiosk.link}>{kiosk.link}</a>. Each device answers once, and answers through it
            are not counted in participation (nobody is identified).
          </p>
          <QrCode size={kiosk.qr.size} path={kiosk.qr.path} label={`QR code for ${kiosk.link}`} />
        </section>
      ) : null}

      {cycle.status === 'open' ? (
        <PrintableLinksForm
          surveyId={surveyId}
          cycleId={cycle.id}
          departments={participation.departments}
          error={linksError ?? undefined}
        />
      ) : null}
    </>
  );
}
