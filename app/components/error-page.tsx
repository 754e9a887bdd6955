import { isRouteErrorResponse, Link, useRouteError } from '@remix-run/react';
import { useTranslation } from 'react-i18next';

interface StatusWords {
  title: string;
  body: string;
}

/** The statuses that have words of their own in the `staff` namespace (error.<status>). */
const statusesWithWords = [400, 401, 403, 404, 500] as const;
type KnownStatus = (typeof statusesWithWords)[number];

/** Which status's words to show: its own, else the general client or server error. */
export function wordsStatus(status: number): KnownStatus {
  const known = statusesWithWords.find((candidate) => candidate === status);
  return known ?? (status >= 500 ? 500 : 400);
}

/** The words for a status in the page's language. */
function useStatusWords(status: number): StatusWords {
  const { t } = useTranslation('staff');
  const key = wordsStatus(status);
  return { title: t(`error.${key}.title`), body: t(`error.${key}.body`) };
}

/**
 * A status in plain words, with a way back, in the page's language; `detail` says what exactly
 * was wrong, when known.
 */
export function ErrorPage({ status, detail }: { status: number; detail?: string }) {
  const { t } = useTranslation('staff');
  const words = useStatusWords(status);
  return (
    <section className="error-page" aria-labelledby="error-title">
      <p className="error-status">{t('error.status', { status })}</p>
      <h1 id="error-title">{words.title}</h1>
      {detail ? <p role="alert">{detail}</p> : null}
      <p>{words.body}</p>
      <p>
        <Link to="/">{t('error.home')}</Link>
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
