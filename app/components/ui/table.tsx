import type { ReactNode } from 'react';

/**
 * A staff table with a header row: it scrolls sideways inside its box on a narrow phone rather
 * than widening the page. The caption names it for screen readers, and shows only when asked.
 */
export function Table({
  caption,
  showCaption = false,
  columns,
  children,
}: {
  caption: string;
  showCaption?: boolean;
  columns: string[];
  /** The body's rows. */
  children: ReactNode;
}) {
  return (
    <div className="table-scroll">
      <table className="table">
        <caption className={showCaption ? 'muted' : 'visually-hidden'}>{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column} scope="col">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
