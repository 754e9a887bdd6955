import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';

import { DataTable } from './data-table';
import { rowsOf } from './test-factories';

afterEach(cleanup);

const table = {
  columns: ['Department', 'Score', 'n'],
  rows: [
    ['IT', 4.13, 23],
    ['Kitchen', 'withheld', ''],
    ['Finance', 'no answers', ''],
  ],
};

describe('DataTable', () => {
  it('shows the rows as given, each row named by its first cell', () => {
    render(<DataTable table={table} caption="Satisfaction by department" />);
    const element = screen.getByRole('table', { name: 'Satisfaction by department' });
    expect(rowsOf(element)).toEqual([
      ['Department', 'Score', 'n'],
      ['IT', '4.13', '23'],
      ['Kitchen', 'withheld', ''],
      ['Finance', 'no answers', ''],
    ]);
    expect(screen.getByRole('rowheader', { name: 'Kitchen' })).toBeTruthy();
    expect(screen.getByText('4.13').className).toBe('cell-number');
    expect(screen.getByText('withheld').className).toBe('cell-withheld');
  });

  it('adds a control to every row when the page asks for one', () => {
    render(
      <DataTable
        table={table}
        caption="Satisfaction by department"
        renderRowAction={(row) => <button type="button">Raise an action for {row[0]}</button>}
      />,
    );
    const rows = screen.getAllByRole('row');
    expect(within(rows[0]).getByRole('columnheader', { name: 'Actions' })).toBeTruthy();
    expect(screen.getAllByRole('button').map((button) => button.textContent)).toEqual([
      'Raise an action for IT',
      'Raise an action for Kitchen',
      'Raise an action for Finance',
    ]);
  });
});
