import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';

import { ChartCard } from './chart-card';
import { ChartViews } from './chart-views';
import { DataTable } from './data-table';

afterEach(cleanup);

const table = { columns: ['Department', 'Score', 'n'], rows: [['IT', 4.13, 23]] };

function renderCard() {
  return render(
    <ChartCard
      title="Satisfaction by department"
      description="Mean of the scale questions, latest cycle."
      csvHref="/insights/by-department.csv?survey=s1"
    >
      <ChartViews chart={<svg data-testid="drawing" />} table={<DataTable table={table} />} />
    </ChartCard>,
  );
}

describe('ChartCard', () => {
  it('names its section and its table by the title and offers the CSV of the same numbers', () => {
    renderCard();
    const section = screen.getByRole('region', { name: 'Satisfaction by department' });
    expect(within(section).getByText('Mean of the scale questions, latest cycle.')).toBeTruthy();
    expect(within(section).getByRole('table', { name: 'Satisfaction by department' })).toBeTruthy();
    const download = within(section).getByRole('link', {
      name: 'Download CSV of Satisfaction by department',
    });
    expect(download.getAttribute('href')).toBe('/insights/by-department.csv?survey=s1');
    expect(download.hasAttribute('download')).toBe(true);
  });

  it('shows the chart first, with the table there for screen readers, and switches both ways', () => {
    renderCard();
    const chartButton = screen.getByRole('button', { name: 'Chart' });
    const tableButton = screen.getByRole('button', { name: 'Table' });
    const drawing = screen.getByTestId('drawing').parentElement;
    const tableBox = screen.getByRole('table').parentElement;
    expect(screen.getByRole('group', { name: 'Show Satisfaction by department as' })).toBeTruthy();
    expect([chartButton, tableButton].map((b) => b.getAttribute('aria-pressed'))).toEqual([
      'true',
      'false',
    ]);
    expect(drawing?.hidden).toBe(false);
    expect(drawing?.getAttribute('aria-hidden')).toBe('true');
    expect(tableBox?.className).toBe('visually-hidden');

    fireEvent.click(tableButton);
    expect([chartButton, tableButton].map((b) => b.getAttribute('aria-pressed'))).toEqual([
      'false',
      'true',
    ]);
    expect(drawing?.hidden).toBe(true);
    expect(tableBox?.className).toBe('table-scroll');

    fireEvent.click(chartButton);
    expect(chartButton.getAttribute('aria-pressed')).toBe('true');
    expect(drawing?.hidden).toBe(false);
    expect(tableBox?.className).toBe('visually-hidden');
  });

  it('has no switch around a chart that is a table already', () => {
    render(
      <ChartCard title="Drivers by department" tableOnly>
        <DataTable table={table} />
      </ChartCard>,
    );
    expect(screen.queryByRole('button')).toBeNull();
    expect(screen.queryByRole('link')).toBeNull();
    expect(screen.getByRole('table', { name: 'Drivers by department' })).toBeTruthy();
  });
});
