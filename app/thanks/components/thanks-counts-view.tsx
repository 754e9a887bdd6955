import { useTranslation } from 'react-i18next';

import { Table } from '~/components/ui/table';
import { driverName } from '~/utils/driver-name';

import type { Count, ThanksCounts } from '../counts.server';
import { formatMonth } from '../thanks-month';

/** The insights tab: thanks received per department and driver, withheld counts as a dash. */
export function ThanksCountsView({ counts }: { counts: ThanksCounts }) {
  const { t, i18n } = useTranslation('thanks');
  const shown = (count: Count) => (count === null ? t('insights.withheld') : String(count));
  const columns = counts.columns.map((driver) =>
    driver === null ? t('insights.noDriver') : driverName(t, driver),
  );
  const anyWithheld =
    counts.total === null ||
    counts.columnTotals.includes(null) ||
    counts.rows.some((row) => row.total === null || row.cells.includes(null));
  return (
    <>
      <h1 id="page-title">{t('insights.title')}</h1>
      <p>
        {t('insights.intro', {
          from: formatMonth(counts.from, i18n.language),
          to: formatMonth(counts.to, i18n.language),
        })}
      </p>
      {counts.rows.length === 0 ? (
        <p className="muted">{t('insights.empty')}</p>
      ) : (
        <Table
          caption={t('insights.caption')}
          columns={[t('insights.department'), ...columns, t('insights.total')]}
        >
          {counts.rows.map((row) => (
            <tr key={row.id}>
              <th scope="row">{row.name}</th>
              {row.cells.map((cell, index) => (
                <td key={index}>{shown(cell)}</td>
              ))}
              <td>{shown(row.total)}</td>
            </tr>
          ))}
          <tr>
            <th scope="row">{t('insights.allDepartments')}</th>
            {counts.columnTotals.map((cell, index) => (
              <td key={index}>{shown(cell)}</td>
            ))}
            <td>{shown(counts.total)}</td>
          </tr>
        </Table>
      )}
      {anyWithheld && counts.rows.length > 0 ? (
        <p className="muted">{t('insights.withheldNote', { threshold: counts.threshold })}</p>
      ) : null}
    </>
  );
}
