import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

import { type Cell, type Table } from '~/insights/tables';

import { useChartCard } from './chart-card';
import { useInsightFormat } from './use-insight-words';

export interface DataTableProps {
  table: Table;
  /** Names the table where it is not inside a ChartCard (whose title names it). */
  caption?: string;
  /** A control per row, e.g. "Raise an action" (the actions issue); adds a last column. */
  renderRowAction?: (row: Cell[], index: number) => ReactNode;
}

/** The rows and columns of tables.ts as an HTML table: the same numbers as the CSV export. */
export function DataTable({ table, caption, renderRowAction }: DataTableProps) {
  const card = useChartCard();
  const { t } = useTranslation('insights');
  const format = useInsightFormat();
  // The table was built with the page's words (useTableWords), so its markers are in them too.
  const withheld = t('table.withheld');
  const noAnswers = t('table.noAnswers');
  const cellClass = (cell: Cell) => {
    if (typeof cell === 'number') return 'cell-number';
    if (cell === withheld) return 'cell-withheld';
    if (cell === noAnswers) return 'cell-empty';
    return undefined;
  };
  const shown = (cell: Cell) => (typeof cell === 'number' ? format.number(cell) : cell);
  return (
    <table className="table insight-table" aria-labelledby={caption ? undefined : card?.titleId}>
      {caption ? <caption className="visually-hidden">{caption}</caption> : null}
      <thead>
        <tr>
          {table.columns.map((column, index) => (
            <th key={index} scope="col">
              {column}
            </th>
          ))}
          {renderRowAction ? (
            <th scope="col">
              <span className="visually-hidden">{t('table.actions')}</span>
            </th>
          ) : null}
        </tr>
      </thead>
      <tbody>
        {table.rows.map((row, rowIndex) => (
          <tr key={rowIndex}>
            {row.map((cell, index) =>
              index === 0 ? (
                <th key={index} scope="row">
                  {shown(cell)}
                </th>
              ) : (
                <td key={index} className={cellClass(cell)}>
                  {shown(cell)}
                </td>
              ),
            )}
            {renderRowAction ? <td>{renderRowAction(row, rowIndex)}</td> : null}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
