import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';

import { renderInLanguage } from '../../../tests/support/render-in-language';
import { message } from '../../utils/message';
import { FormAlert } from './form-alert';
import { TextField } from './text-field';

afterEach(cleanup);

// The server says its messages as keys; the reader sees them in the page's language.
describe('messages from the server', () => {
  it('are shown in the language of the page', () => {
    renderInLanguage(<FormAlert message="staff:errors.signInInvalid" />, 'pl');
    expect(screen.getByRole('alert').textContent).toBe(
      'Ten adres e-mail i hasło nie pasują do żadnego konta pracowniczego.',
    );
  });

  it('carry their values into the words', () => {
    renderInLanguage(
      <TextField
        label="Email"
        name="email"
        error={message('staff:pagination.position', { page: 2, count: 7 })}
      />,
      'nb',
    );
    expect(screen.getByText('Side 2 av 7')).toBeTruthy();
  });

  it('show a text that is not a key as it came', () => {
    renderInLanguage(<FormAlert message="Row 3: the email is not valid." />, 'uk');
    expect(screen.getByRole('alert').textContent).toBe('Row 3: the email is not valid.');
  });
});
