import { createRemixStub } from '@remix-run/testing';
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';

import { ErrorPage, useErrorStatus, wordsStatus } from './error-page';

afterEach(cleanup);

function Boundary() {
  return <ErrorPage status={useErrorStatus()} />;
}

function renderFailing(loader: () => never) {
  const Stub = createRemixStub([
    { path: '/', Component: () => <p>Never shown</p>, loader, ErrorBoundary: Boundary },
  ]);
  render(<Stub />);
}

describe('ErrorPage in a route error boundary', () => {
  it.each([
    [403, 'You do not have access to this page', /ask an HR admin/],
    [404, 'Page not found', /nothing at this address/],
  ])('says %i in plain words', async (status, title, body) => {
    renderFailing(() => {
      throw new Response(null, { status });
    });
    expect(await screen.findByRole('heading', { level: 1, name: title })).toBeTruthy();
    expect(screen.getByText(`Error ${status}`)).toBeTruthy();
    expect(screen.getByText(body)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Go to the home page' }).getAttribute('href')).toBe(
      '/',
    );
    expect(screen.queryByText('Never shown')).toBeNull();
  });

  it('says 500 for an unexpected error, without its message', async () => {
    renderFailing(() => {
      throw new Error('connection string mongodb://admin:pw@db');
    });
    expect(await screen.findByRole('heading', { name: 'Something went wrong' })).toBeTruthy();
    expect(screen.getByText('Error 500')).toBeTruthy();
    expect(document.body.textContent).not.toContain('mongodb://');
  });
});

describe('wordsStatus', () => {
  it('falls back to the nearest general status', () => {
    expect(wordsStatus(502)).toBe(500);
    expect(wordsStatus(418)).toBe(400);
    expect(wordsStatus(403)).toBe(403);
  });
});
