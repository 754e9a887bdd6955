import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';

import { ThankYou } from '~/answering/components/status/thank-you';

import { renderInLanguage } from '../../../tests/support/render-in-language';

afterEach(cleanup);

describe('thanking a department from the thank-you page', () => {
  it('links to the thanks form of the respondent department’s board, in the reader’s language', () => {
    renderInLanguage(<ThankYou boardKey="Vb3kq0Zt7xYw2LmN4pQrSg" />, 'nb');
    expect(screen.getByRole('link', { name: /Takk dem/ }).getAttribute('href')).toBe(
      '/board/Vb3kq0Zt7xYw2LmN4pQrSg/thanks',
    );
  });

  it('offers nothing when the department is not known (the company board has no sender)', () => {
    renderInLanguage(<ThankYou />, 'en');
    expect(screen.queryByRole('link', { name: /Thank them/ })).toBeNull();
  });
});
