import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';

import { EmployeeShell } from './employee-shell';

afterEach(cleanup);

describe('EmployeeShell', () => {
  it('frames the answering page without staff navigation or links away', () => {
    render(
      <EmployeeShell>
        <h1>Weekly pulse</h1>
      </EmployeeShell>,
    );
    expect(
      within(screen.getByRole('main')).getByRole('heading', { name: 'Weekly pulse' }),
    ).toBeTruthy();
    expect(screen.queryByRole('navigation')).toBeNull();
    // Only the skip link: nothing that leads an employee into staff pages.
    expect(screen.getAllByRole('link').map((link) => link.getAttribute('href'))).toEqual(['#main']);
  });

  it('tells the employee that answers are anonymous', () => {
    render(
      <EmployeeShell>
        <p>Question</p>
      </EmployeeShell>,
    );
    expect(screen.getByRole('contentinfo').textContent).toMatch(/anonymous/i);
  });
});
