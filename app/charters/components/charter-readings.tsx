import { Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';

import { newActionPath } from '~/actions/action-rules';
import type { ReadingCell, StandardReadings } from '~/charters/readings.server';
import { formatValue } from '~/insights/tables';

import { parseMeasure } from '../charter-form';

/**
 * One standard read against the results: a row per department served, a column per closed
 * cycle. Each cell says met, not met or not measured in words (never by colour alone); an unmet
 * cell offers to raise an action, for those who may.
 */
export function CharterReadings({
  providerId,
  standard,
  readings,
  canRaise,
}: {
  providerId: string;
  standard: { key: string; measure: string; target: number; title: string };
  readings: StandardReadings | undefined;
  canRaise: boolean;
}) {
  const { t } = useTranslation('charters');
  const measure = parseMeasure(standard.measure);
  const scale = readings?.scale ?? 'score';
  if (!readings || readings.cycles.length === 0 || readings.rows.length === 0) {
    return <p className="muted">{t('readings.none')}</p>;
  }
  const raisePath = (cycleIndex: number, customerId: string) => {
    const cycle = readings.cycles[cycleIndex];
    if (!cycle || !measure) return null;
    return newActionPath({
      surveyId: cycle.surveyId,
      cycleId: cycle.id,
      metric: measure.kind,
      questionId: measure.kind === 'question' ? measure.questionId : null,
      driver: measure.kind === 'driver' ? measure.driver : null,
      departmentId: customerId,
      providerDepartmentId: providerId,
      charterStandardKey: standard.key,
    });
  };
  return (
    <div className="table-scroll">
      <table className="table charter-readings">
        <caption className="visually-hidden">{standard.title}</caption>
        <thead>
          <tr>
            <th scope="col">{t('readings.customer')}</th>
            {readings.cycles.map((cycle) => (
              <th scope="col" key={cycle.id}>
                {t('readings.cycle', { survey: cycle.survey, number: cycle.number })}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {readings.rows.map((row) => (
            <tr key={row.department.id}>
              <th scope="row">{row.department.name}</th>
              {row.cells.map((cell, index) => {
                const path =
                  canRaise && cell.state === 'not-met' ? raisePath(index, row.department.id) : null;
                return (
                  <td
                    key={readings.cycles[index]?.id ?? index}
                    className={`charter-cell charter-${cell.state}`}
                  >
                    <CellWords cell={cell} scale={scale} />
                    {path ? (
                      <>
                        {' '}
                        <Link to={path} className="charter-raise">
                          {t('readings.raise')}
                        </Link>
                      </>
                    ) : null}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function CellWords({ cell, scale }: { cell: ReadingCell; scale: 'score' | 'enps' }) {
  const { t } = useTranslation('charters');
  if (cell.state === 'not-measured') {
    return (
      <span>
        {t('readings.notMeasured')}
        <span className="muted">
          {' '}
          ({cell.why === 'withheld' ? t('readings.withheld') : t('readings.noAnswers')})
        </span>
      </span>
    );
  }
  return (
    <span>
      <strong>{cell.state === 'met' ? t('readings.met') : t('readings.notMet')}</strong>{' '}
      {formatValue(scale, cell.value)} <span className="muted">n = {cell.n}</span>
    </span>
  );
}
