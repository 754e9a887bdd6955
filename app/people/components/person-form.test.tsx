import { createRemixStub } from '@remix-run/testing';
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';

import { type DepartmentChoice, PersonForm } from './person-form';

afterEach(cleanup);

const departments: DepartmentChoice[] = [
  { id: 'a'.repeat(24), name: 'Operations', depth: 0, archived: false },
  { id: 'b'.repeat(24), name: 'Kitchen', depth: 1, archived: false },
  { id: 'c'.repeat(24), name: 'Old depot', depth: 0, archived: true },
];

function renderForm(props: Partial<Parameters<typeof PersonForm>[0]> = {}) {
  const Stub = createRemixStub([
    {
      path: '/',
      Component: () => (
        <PersonForm
          departments={departments}
          values={{}}
          submitLabel="Save"
          submitting={false}
          {...props}
        />
      ),
    },
  ]);
  render(<Stub />);
}

describe('PersonForm', () => {
  it('shows each error beside its field, tied to it for screen readers, keeping what was typed', async () => {
    renderForm({
      values: { name: 'Ann', email: 'ANN@example.com', departmentId: 'b'.repeat(24) },
      errors: {
        email: ['Someone on the roster already has this email address.', 'A second message'],
      },
    });
    const email = await screen.findByLabelText('Email');
    expect(email.getAttribute('aria-invalid')).toBe('true');
    const describedBy = email.getAttribute('aria-describedby') ?? '';
    expect(document.getElementById(describedBy)?.textContent).toBe(
      'Someone on the roster already has this email address.',
    );
    expect(email).toHaveProperty('value', 'ANN@example.com');
    expect(screen.getByLabelText('Name').getAttribute('aria-invalid')).toBeNull();
    expect(screen.getByLabelText('Department')).toHaveProperty('value', 'b'.repeat(24));
  });

  it('shows the tree in the department picker and marks archived departments', async () => {
    renderForm();
    const options = (await screen.findByLabelText('Department')).querySelectorAll('option');
    expect([...options].map((option) => option.textContent)).toEqual([
      'Choose a department',
      'Operations',
      '— Kitchen',
      'Old depot (archived)',
    ]);
  });

  it('ticks the departments a person leads, and their roles', async () => {
    renderForm({ values: { leaderOf: ['b'.repeat(24)], hrAdmin: 'on', active: '' } });
    const box = (name: string) => screen.getByRole('checkbox', { name });
    await screen.findByRole('checkbox', { name: 'Kitchen' });
    expect(box('Kitchen')).toHaveProperty('checked', true);
    expect(box('Operations')).toHaveProperty('checked', false);
    expect(box('HR admin')).toHaveProperty('checked', true);
    expect(box('Active')).toHaveProperty('checked', false);
  });
});
