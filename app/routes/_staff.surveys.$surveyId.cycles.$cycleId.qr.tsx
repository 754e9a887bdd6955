import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';

import { PrintableLinksForm } from '~/surveys/components/survey-view/printable-links-form';
import { QrCode } from '~/surveys/components/survey-view/qr-code';
import { getCycle } from '~/surveys/cycles.server';
import { printedCardNote } from '~/surveys/invite-mail';
import { localize } from '~/surveys/localize';
import { participation } from '~/surveys/participation.server';
import { printableLinksForm } from '~/surveys/printable-links';
import { linksForCycle } from '~/surveys/printable-links.server';
import { qrShape } from '~/surveys/qr.server';
import { parseForm } from '~/utils/form.server';
import { notFound, requireHrAdmin } from '~/utils/permissions.server';

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireHrAdmin(request);
  const cycle = await getCycle(params.surveyId ?? '', params.cycleId ?? '');
  if (!cycle) throw notFound();
  return json({
    surveyId: params.surveyId ?? '',
    cycle: { id: cycle.id, number: cycle.number, open: cycle.status === 'open' },
    departments: (await participation(cycle.id)).departments,
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  await requireHrAdmin(request);
  const form = await parseForm(request, printableLinksForm, { lists: ['departmentIds'] });
  if (!form.ok)
    return json(
      {
        error: form.errors.departmentIds?.[0] ?? 'surveys:errors.chooseWhoToPrint',
        sheet: null,
      },
      { status: 400 },
    );
  const result = await linksForCycle(
    params.surveyId ?? '',
    params.cycleId ?? '',
    form.data,
    new Date(),
  );
  if (!result) throw notFound();
  if (!result.ok) return json({ error: result.message, sheet: null }, { status: 400 });
  const { definition, closesAt } = result;
  return json({
    error: null,
    sheet: {
      cycleNumber: result.cycleNumber,
      // Each card speaks its reader's language.
      cards: result.links.map((link) => ({
        ...link,
        title: localize(definition.title, link.language, definition.defaultLanguage),
        note: printedCardNote(link.language, closesAt, definition.schedule.timeZone),
        qr: qrShape(link.link),
      })),
    },
  });
}

export default function QrSheet() {
  const { t } = useTranslation('surveys');
  const { surveyId, cycle, departments } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const sheet = result?.sheet;
  const back = `/surveys/${surveyId}/cycles/${cycle.id}`;
  if (!sheet) {
    return (
      <>
        <p className="no-print">
          <Link to={back}>{t('qr.back', { number: cycle.number })}</Link>
        </p>
        <h2>{t('qr.title', { number: cycle.number })}</h2>
        {cycle.open ? (
          <PrintableLinksForm
            surveyId={surveyId}
            cycleId={cycle.id}
            departments={departments}
            error={result?.error ?? undefined}
          />
        ) : (
          <p>{t('errors.linksClosed')}</p>
        )}
      </>
    );
  }
  return (
    <>
      <div className="no-print">
        <p>
          <Link to={back}>{t('qr.back', { number: cycle.number })}</Link>
        </p>
        <h2>{t('qr.title', { number: cycle.number })}</h2>
        <p className="form-notice" role="status">
          {t('qr.made', { count: sheet.cards.length })}
        </p>
      </div>
      {sheet.cards.length === 0 ? <p>{t('qr.allAnswered')}</p> : null}
      <ul className="qr-sheet">
        {sheet.cards.map((card) => (
          <li key={card.link} className="qr-card">
            <p className="qr-card-name">{card.name}</p>
            <p className="muted">{card.department}</p>
            <QrCode
              size={card.qr.size}
              path={card.qr.path}
              label={t('cycle.qrFor', { name: card.name })}
            />
            <div lang={card.language}>
              <p className="qr-card-title">{card.title}</p>
              <p className="qr-card-note">{card.note}</p>
            </div>
            <p className="qr-card-link">{card.link}</p>
          </li>
        ))}
      </ul>
    </>
  );
}
