// A two-way table's figures, audited as a reader who combines several lines at once would read
// them (service-audit.ts): the column totals less every other row give a withheld row away, and
// two columns less a row a group no line shows. Cells are the atoms; a row is one department, so
// its cells share people and a group counts, per row, the most people of any of its cells.

import { findWorkedOut } from './service-audit';

export interface AuditedCell {
  row: string;
  column: string;
  /** Invited people behind the cell. */
  n: number;
  shown: boolean;
}

export interface TableShown {
  cells: readonly AuditedCell[];
  rowShown: (row: string) => boolean;
  columnShown: (column: string) => boolean;
  /** Invited people of a line, for choosing the smallest line to withhold. */
  rowSize: (row: string) => number;
  columnSize: (column: string) => number;
}

/** More to withhold so that nothing a reader must not know can be worked out; none if nothing. */
export interface TableMore {
  cells: AuditedCell[];
  rows: string[];
  columns: string[];
}

export function auditTable(table: TableShown, threshold: number): TableMore {
  const hiddenCells = table.cells.filter((cell) => !cell.shown);
  const rowNumbers = new Map<string, number>();
  const atoms = hiddenCells.map((cell) => {
    let customer = rowNumbers.get(cell.row);
    if (customer === undefined) rowNumbers.set(cell.row, (customer = rowNumbers.size));
    return { customer, people: cell.n };
  });
  const byRow = new Map<string, number[]>();
  const byColumn = new Map<string, number[]>();
  const addTo = (lines: Map<string, number[]>, key: string, index: number) => {
    const line = lines.get(key);
    if (line) line.push(index);
    else lines.set(key, [index]);
  };
  for (const [index, cell] of hiddenCells.entries()) {
    addTo(byRow, cell.row, index);
    addTo(byColumn, cell.column, index);
  }
  const rows = [...new Set(table.cells.map((cell) => cell.row))];
  const columns = [...new Set(table.cells.map((cell) => cell.column))];
  type Line = { kind: 'row' | 'column'; key: string; atoms: number[] };
  const lines: Line[] = [
    ...rows.map((key): Line => ({ kind: 'row', key, atoms: byRow.get(key) ?? [] })),
    ...columns.map((key): Line => ({ kind: 'column', key, atoms: byColumn.get(key) ?? [] })),
  ];
  const isShown = (line: Line) =>
    line.kind === 'row' ? table.rowShown(line.key) : table.columnShown(line.key);
  const sizeOf = (line: Line) =>
    line.kind === 'row' ? table.rowSize(line.key) : table.columnSize(line.key);
  const known = lines.filter(isShown);
  const hiddenLines = lines.filter((line) => !isShown(line));
  const findings = findWorkedOut({
    threshold,
    atoms,
    known: known.map((line) => line.atoms),
    withheld: [...hiddenLines.map((line) => line.atoms), ...hiddenCells.map((_, index) => [index])],
  });

  const more: TableMore = { cells: [], rows: [], columns: [] };
  const picked = new Set<string>();
  for (const finding of findings) {
    const involved = new Set(finding.atoms);
    const total = known
      .filter((line) => line.atoms.some((atom) => involved.has(atom)))
      .sort((a, b) => sizeOf(a) - sizeOf(b))[0];
    if (total) {
      const key = `${total.kind}\u0000${total.key}`;
      if (picked.has(key)) continue;
      picked.add(key);
      (total.kind === 'row' ? more.rows : more.columns).push(total.key);
      continue;
    }
    // A withheld total whose every cell is shown: withhold its smallest cell.
    const line = finding.kind === 'withheld' ? hiddenLines[finding.index] : undefined;
    const cell = table.cells
      .filter(
        (one) => one.shown && line && (line.kind === 'row' ? one.row : one.column) === line.key,
      )
      .sort((a, b) => a.n - b.n)[0];
    if (cell && !picked.has(`cell\u0000${cell.row}\u0000${cell.column}`)) {
      picked.add(`cell\u0000${cell.row}\u0000${cell.column}`);
      more.cells.push(cell);
    }
  }
  return more;
}
