import type { ReactNode } from 'react';

import { type Cell, NO_ANSWERS, type Table, WITHHELD } from '~/insights/tables';

import { useChartCard } from './chart-card';

export interface DataTableProps {
  table: Table;
  /** Names the table where it is not inside a ChartCard (whose title names it). */
  caption?: string;
  /** A control per row, e.g. "Raise an action" (the actions issue); adds a last column. */
  renderRowAction?: (row: Cell[], index: number) => ReactNode;
}

const cellClass = (cell: Cell) => {
  if (typeof cell === 'number') return 'cell-number';
  if (cell === WITHHELD) return 'cell-withheld';
  if (cell === NO_ANSWERS) return 'cell-empty';
  return undefined;
};

/** The rows and columns of tables.ts as an HTML table: the same numbers as the CSV export. */
export function DataTable({ table, caption, renderRowAction }: DataTableProps) {
  const card = useChartCard();
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
              <span className="visually-hidden">Actions</span>
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
                  {cell}
                </th>
              ) : (
                <td key={index} className={cellClass(cell)}>
                  {cell}
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
