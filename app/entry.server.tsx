import { type AppLoadContext, type EntryContext, type HandleErrorFunction } from '@remix-run/node';
import { isRouteErrorResponse, RemixServer } from '@remix-run/react';
import { renderToString } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';

import { languageOfMatches, sharedI18n } from './i18n';
import { getEnv } from './utils/env.server';
import { createLogger } from './utils/log.server';
import { NonceProvider } from './utils/nonce';

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = loadContext.cspNonce;
  // The process's i18next instance in the language the page's loaders chose (app/i18n.ts).
  const { matches, loaderData } = remixContext.staticHandlerContext;
  const i18n = sharedI18n(
    languageOfMatches(
      matches.map((match) => {
        const data: unknown = loaderData[match.route.id];
        return { data };
      }),
    ),
  );

  // The whole page at once, not streamed: no page defers data (nothing waits in a Suspense
  // boundary), so a stream would end with its first chunk anyway, and one string is sent (and
  // compressed) in one piece instead of through a Node stream, a web stream and a chunk per
  // write. An error while rendering throws, and Remix renders the error boundary instead.
  const html = renderToString(
    <NonceProvider value={nonce}>
      <I18nextProvider i18n={i18n}>
        <RemixServer context={remixContext} url={request.url} nonce={nonce} />
      </I18nextProvider>
    </NonceProvider>,
  );
  responseHeaders.set('Content-Type', 'text/html; charset=utf-8');
  return new Response(`<!DOCTYPE html>${html}`, {
    headers: responseHeaders,
    status: responseStatusCode,
  });
}

/**
 * Unexpected errors thrown by loaders and actions. Aborted requests are not errors, nor is an
 * answer Remix gives a visitor's request on its own (a post to a page without a form is 405).
 */
export const handleError: HandleErrorFunction = (error, { request }) => {
  if (request.signal.aborted) return;
  if (isRouteErrorResponse(error) && error.status < 500) return;
  logError(error);
};

function logError(error: unknown) {
  const logger = createLogger(getEnv().LOG_LEVEL);
  logger.error(describe(error));
}

function describe(error: unknown): string {
  if (error instanceof Error) return error.stack ?? error.message;
  if (isRouteErrorResponse(error)) return `${error.status} ${error.statusText}`;
  return String(error);
}
