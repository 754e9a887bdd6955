import { isRouteErrorResponse, Link, useRouteError } from '@remix-run/react';

interface StatusWords {
  title: string;
  body: string;
}

const wordsByStatus: Record<number, StatusWords> = {
  400: {
    title: 'That request could not be understood',
    body: 'Something in the address or the form was not as expected. Go back and try again.',
  },
  401: {
    title: 'Please sign in',
    body: 'You need to be signed in to open this page.',
  },
  403: {
    title: 'You do not have access to this page',
    body: 'Your account is not allowed to open it. If you think it should be, ask an HR admin.',
  },
  404: {
    title: 'Page not found',
    body: 'There is nothing at this address. The link may be mistyped, or the page may have moved.',
  },
  500: {
    title: 'Something went wrong',
    body: 'An unexpected error stopped this page. Please try again in a moment; if it keeps happening, tell your HR admin.',
  },
};

export function wordsFor(status: number): StatusWords {
  return wordsByStatus[status] ?? wordsByStatus[status >= 500 ? 500 : 400] ?? fallback;
}

const fallback: StatusWords = { title: 'Something went wrong', body: '' };

/** A status in plain words, with a way back; `detail` says what exactly was wrong, when known. */
export function ErrorPage({ status, detail }: { status: number; detail?: string }) {
  const words = wordsFor(status);
  return (
    <section className="error-page" aria-labelledby="error-title">
      <p className="error-status">Error {status}</p>
      <h1 id="error-title">{words.title}</h1>
      {detail ? <p role="alert">{detail}</p> : null}
      <p>{words.body}</p>
      <p>
        <Link to="/">Go to the home page</Link>
      </p>
    </section>
  );
}

/** The status of whatever the nearest route threw: a thrown Response keeps its own, anything else is 500. */
export function useErrorStatus(): number {
  const error = useRouteError();
  return isRouteErrorResponse(error) ? error.status : 500;
}

/** The plain-words message of a refused address (a thrown 400 with a text body), if there is one. */
export function useErrorDetail(): string | undefined {
  const error = useRouteError();
  return isRouteErrorResponse(error) && error.status === 400 && typeof error.data === 'string'
    ? error.data
    : undefined;
}
