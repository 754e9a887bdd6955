import type { RequestHandler } from 'express';

import type { Logger } from '../app/utils/log.server';

// Path segments that are capabilities or personal data rather than names of pages.
const MIN_OPAQUE_LENGTH = 16;
// a: answering links (/a/<token>), k: open links (/k/<kioskId>).
const tokenPrefixes = new Set([
  'a',
  'i',
  'invite',
  'invites',
  'k',
  'r',
  'receipt',
  'receipts',
  'reset',
]);

/**
 * The path of a URL, safe to write to a log: no query string, no fragment, and every segment
 * that could be a token, an id, an e-mail address or other personal data replaced by `:redacted`.
 * Named pages (`/insights`, `/surveys/new`) stay readable.
 */
export function redactPath(url: string): string {
  const pathname = url.split(/[?#]/, 1)[0] ?? '';
  const segments = pathname.split('/');
  return segments
    .map((segment, index) => {
      if (segment === '') return segment;
      const previous = segments[index - 1];
      if (previous !== undefined && tokenPrefixes.has(previous.toLowerCase())) return ':redacted';
      return looksOpaque(segment) ? ':redacted' : segment;
    })
    .join('/');
}

function looksOpaque(segment: string): boolean {
  let decoded = segment;
  try {
    decoded = decodeURIComponent(segment);
  } catch {
    // Malformed escapes are not a page name either.
    return true;
  }
  if (decoded.includes('@')) return true;
  // Built assets carry a content hash in their name; it identifies a file, not a person.
  if (/^[\w.-]+\.(?:js|css|map|png|jpe?g|svg|ico|webp|woff2?|txt|json)$/i.test(decoded))
    return false;
  if (/^\d+$/.test(decoded)) return true;
  if (/^[0-9a-f]{24}$/i.test(decoded)) return true; // ObjectId
  if (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(decoded)) return true;
  if (decoded.length >= MIN_OPAQUE_LENGTH) return true;
  // Short but random-looking: mixes letters with digits and is not a word-with-dashes slug.
  if (/\d/.test(decoded) && /[a-z]/i.test(decoded) && !/^[a-z]+(-[a-z0-9]+)*$/i.test(decoded)) {
    return true;
  }
  return false;
}

/** Logs `METHOD /redacted/path STATUS 12ms` once per request, when its response ends. */
export function requestLog(logger: Logger): RequestHandler {
  return (request, response, next) => {
    const started = process.hrtime.bigint();
    let logged = false;
    const done = () => {
      if (logged) return;
      logged = true;
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      // A response that closed before finishing was aborted by the client: no real status.
      const status = response.writableFinished ? String(response.statusCode) : 'aborted';
      logger.info(
        `${request.method} ${redactPath(request.originalUrl)} ${status} ${ms.toFixed(0)}ms`,
      );
    };
    response.once('finish', done);
    response.once('close', done);
    next();
  };
}
