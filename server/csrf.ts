import type { RequestHandler } from 'express';

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Refuses a state-changing request that a browser sent from another site: its Origin (or,
 * without one, its Referer) names another host, or Sec-Fetch-Site says cross-site or same-site
 * (a sibling subdomain is not this app). SameSite=Lax session cookies are the second layer.
 *
 * Our pages send `Referrer-Policy: no-referrer`, which makes browsers send `Origin: null` on
 * plain form posts; Sec-Fetch-Site: same-origin vouches for those. A request with none of
 * these headers did not come from a modern browser, which is not what forgery needs.
 *
 * Remix checks again before an action, and takes `Origin: null` for a forgery: every form sent
 * without JavaScript would answer 500. Once this check has vouched for such a post, the header
 * that says nothing is removed, so Remix sees a post without an Origin, which it accepts.
 */
export function refuseCrossSiteRequests({ appUrl }: { appUrl?: string } = {}): RequestHandler {
  const publicHost = appUrl ? new URL(appUrl).host : undefined;
  return (request, response, next) => {
    if (safeMethods.has(request.method)) {
      next();
      return;
    }
    const ownHosts = [request.headers.host, publicHost].filter(Boolean);
    const fromHere = (url: string) => {
      try {
        return ownHosts.includes(new URL(url).host);
      } catch {
        return false;
      }
    };
    const site = request.get('sec-fetch-site');
    const origin = request.get('origin');
    const referer = request.get('referer');

    let allowed: boolean;
    if (site && site !== 'same-origin' && site !== 'none') allowed = false;
    else if (origin && origin !== 'null') allowed = fromHere(origin);
    else if (origin === 'null') allowed = site === 'same-origin';
    else if (referer) allowed = fromHere(referer);
    else allowed = true;

    if (allowed) {
      if (origin === 'null') delete request.headers.origin;
      next();
      return;
    }
    response
      .status(403)
      .type('text/plain')
      .send(
        'This form was sent from another site, so it was refused. Reload the page and try again.',
      );
  };
}
