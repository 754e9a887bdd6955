import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';

import { TextField } from './text-field';

afterEach(cleanup);

describe('TextField', () => {
  it('labels the input and ties its hint and error to it', () => {
    render(
      <TextField
        label="Email"
        name="email"
        defaultValue="ana@"
        hint="The one you sign in with."
        error="Enter an email address like name@example.com."
      />,
    );
    const input = screen.getByLabelText('Email');
    expect(input.getAttribute('name')).toBe('email');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    const described = (input.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .map((id) => document.getElementById(id)?.textContent);
    expect(described).toEqual([
      'The one you sign in with.',
      'Enter an email address like name@example.com.',
    ]);
    expect(input).toHaveProperty('value', 'ana@');
  });

  it('is neither invalid nor described when all is well', () => {
    render(<TextField label="Name" name="name" />);
    const input = screen.getByLabelText('Name');
    expect(input.hasAttribute('aria-invalid')).toBe(false);
    expect(input.hasAttribute('aria-describedby')).toBe(false);
  });
});
