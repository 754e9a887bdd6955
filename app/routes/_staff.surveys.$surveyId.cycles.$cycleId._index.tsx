import type { LoaderFunctionArgs } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';

import { PrintableLinksForm } from '~/surveys/components/survey-view/printable-links-form';
import { QrCode } from '~/surveys/components/survey-view/qr-code';
import { getCycle } from '~/surveys/cycles.server';
import { formatStaffMoment } from '~/surveys/local-time';
import { countText, rateOf } from '~/surveys/participation';
import { participation } from '~/surveys/participation.server';
import { qrShape } from '~/surveys/qr.server';
import { getSurvey } from '~/surveys/surveys.server';
import { appUrl, getEnv } from '~/utils/env.server';
import { notFound, requireHrAdmin } from '~/utils/permissions.server';

// The links.csv route sends refusals back here as ?links=…; message keys of the surveys words.
const linksErrors: Record<string, string> = {
  choose: 'surveys:errors.chooseLinkDepartments',
  closed: 'surveys:errors.linksClosed',
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireHrAdmin(request);
  const [survey, cycle] = await Promise.all([
    getSurvey(params.surveyId ?? ''),
    getCycle(params.surveyId ?? '', params.cycleId ?? ''),
  ]);
  if (!survey || !cycle) throw notFound();
  const zone = survey.definition.schedule.timeZone;
  const kioskLink = survey.kiosk ? `${appUrl(getEnv())}/k/${cycle.kioskId}` : null;
  return json({
    surveyId: survey.id,
    cycle: {
      id: cycle.id,
      number: cycle.number,
      status: cycle.status,
      missed: cycle.missed,
      opens: formatStaffMoment(new Date(cycle.opensAt), zone, user.language),
      closes: formatStaffMoment(new Date(cycle.closesAt), zone, user.language),
      reminds: cycle.remindAt
        ? formatStaffMoment(new Date(cycle.remindAt), zone, user.language)
        : null,
      questionCount: cycle.questionCount,
    },
    participation: await participation(cycle.id),
    kiosk: kioskLink ? { link: kioskLink, qr: qrShape(kioskLink) } : null,
    linksError: linksErrors[new URL(request.url).searchParams.get('links') ?? ''] ?? null,
  });
}

export default function CyclePage() {
  const { surveyId, cycle, participation, kiosk, linksError } = useLoaderData<typeof loader>();
  const { t } = useTranslation('surveys');
  const withheld = t('cycle.withheld');
  return (
    <>
      <p className="no-print">
        <Link to={`/surveys/${surveyId}/cycles`}>{t('cycle.back')}</Link>
      </p>
      <h2>{t('cycle.title', { number: cycle.number })}</h2>
      <dl className="facts">
        <dt>{t('cycle.status')}</dt>
        <dd>
          {t(`cycleStatus.${cycle.status}`)}
          {cycle.missed ? t('cycle.missed') : ''}
        </dd>
        <dt>{t('cycle.opens')}</dt>
        <dd>{cycle.opens}</dd>
        <dt>{t('cycle.reminder')}</dt>
        <dd>{cycle.reminds ?? t('cycle.noReminder')}</dd>
        <dt>{t('cycle.closes')}</dt>
        <dd>{cycle.closes}</dd>
        <dt>{t('cycle.questions')}</dt>
        <dd>{cycle.questionCount}</dd>
      </dl>

      <h3>{t('cycle.participation')}</h3>
      <p className="muted">
        {t('cycle.participationNote', { threshold: participation.threshold })}
        {participation.stepped
          ? ` ${t('cycle.steppedNote', { threshold: participation.threshold })}`
          : ''}
      </p>
      {participation.departments.length === 0 ? (
        <p className="muted">{t('cycle.nobodyInvited')}</p>
      ) : (
        <div className="table-scroll">
          <table className="table">
            <caption className="visually-hidden">{t('cycle.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('cycle.department')}</th>
                <th scope="col">{t('cycle.invited')}</th>
                <th scope="col">{t('cycle.answered')}</th>
                <th scope="col">{t('cycle.participation')}</th>
              </tr>
            </thead>
            <tbody>
              {participation.departments.map((row) => (
                <tr key={row.departmentId}>
                  <th scope="row">{row.department}</th>
                  <td>{row.invited}</td>
                  <td>{countText(row.answered, withheld)}</td>
                  <td>{rateOf(row.answered, row.invited, withheld)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t('cycle.all')}</th>
                <td>{participation.invited}</td>
                <td>{countText(participation.answered, withheld)}</td>
                <td>{rateOf(participation.answered, participation.invited, withheld)}</td>
              </tr>
            </tfoot>
          </table>
        </div>
      )}
      {participation.openLink.state !== 'shown' || participation.openLink.value > 0 ? (
        <p>
          {t('cycle.openLinkAnswers', { answers: countText(participation.openLink, withheld) })}
        </p>
      ) : null}

      {kiosk ? (
        <section className="kiosk-link" aria-labelledby="kiosk-title">
          <h3 id="kiosk-title">{t('cycle.kioskTitle')}</h3>
          <p>
            {t('cycle.kioskText')} <a href={kiosk.link}>{kiosk.link}</a>
            {t('cycle.kioskAfter')}
          </p>
          <QrCode
            size={kiosk.qr.size}
            path={kiosk.qr.path}
            label={t('cycle.qrFor', { name: kiosk.link })}
          />
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
