// The load generator of `npm run bench:answer`, in its own process so it does not share a CPU
// budget with the app's event loop. Reads its job as JSON on argv[2]; prints one line of JSON.
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

import autocannon, { type Request } from 'autocannon';

interface Job {
  url: string;
  connections: number;
  durationSeconds: number;
  /**
   * POST answers, one token per request (from tokensFile); GET `path`; or `journey`: what a
   * browser with JavaScript does per respondent, one token each (below).
   */
  mode: 'answer' | 'get' | 'journey';
  path?: string;
  tokensFile?: string;
  body?: string;
}

const job = JSON.parse(process.argv[2] ?? '{}') as Job;
const tokens = job.tokensFile ? (JSON.parse(readFileSync(job.tokensFile, 'utf8')) as string[]) : [];
const latencies: number[] = [];
let next = 0;
let stored = 0;
let other = 0;
let errors5xx = 0;
const origin = new URL(job.url).origin;

const dataPath = (token: string, route: string) => `/a/${token}?_data=${encodeURIComponent(route)}`;
// What Chromium sends with every request over HTTPS: the encodings decide whether the app
// compresses (and with what), the user agent whether the page streams (entry.server.tsx).
// BENCH_ENCODING replaces the encodings offered (identity, gzip), to see what compression costs.
const browserHeaders = {
  'accept-encoding': process.env.BENCH_ENCODING ?? 'gzip, deflate, br, zstd',
  'accept-language': 'en-GB,en;q=0.9',
  'user-agent':
    'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
};
const documentHeaders = {
  ...browserHeaders,
  accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8',
};
// The bare posts (mode `answer`) read "stored" from the body, so they ask for no compression,
// as they always have: their figure stays comparable with earlier runs.
const postHeaders = {
  // Remix's fetch of a form posts it urlencoded.
  'content-type': 'application/x-www-form-urlencoded;charset=UTF-8',
  origin,
  'sec-fetch-site': 'same-origin',
};
const formHeaders = { ...browserHeaders, ...postHeaders };
const answerRoute = 'routes/_employee.a.$token';

// Past the last token, requests reuse one: answered already, and not counted as confirmed.
const takeToken = () => tokens[Math.min(next++, tokens.length - 1)] ?? '';

type Context = Record<string, unknown>;

// The requests of a journey are made one after another on one connection, as a browser does.
type Step = {
  setupRequest: (request: Request, context: Context) => Request;
  onResponse: (
    status: number,
    body: string,
    context: Context,
    headers: Record<string, string | string[]>,
  ) => void;
};

// One respondent as a browser sees it: the answer page as a document, then the form posted as a
// data request. Timed from the first request's start to the post's response.
const journey: Step[] = [
  {
    setupRequest(request, context) {
      context.start = performance.now();
      context.token = takeToken();
      context.cookie = '';
      return {
        ...request,
        method: 'GET',
        path: `/a/${String(context.token)}`,
        headers: documentHeaders,
      };
    },
    onResponse(status) {
      if (status >= 500) errors5xx++;
    },
  },
  {
    setupRequest(request, context) {
      return {
        ...request,
        method: 'POST',
        path: dataPath(String(context.token), answerRoute),
        headers: formHeaders,
        body: job.body ?? '',
      };
    },
    onResponse(status, _body, context, headers) {
      if (status >= 500) errors5xx++;
      const setCookie = headers['set-cookie'];
      context.cookie = (Array.isArray(setCookie) ? setCookie[0] : setCookie)?.split(';')[0] ?? '';
      // The body may come compressed (the browser's encodings, and no length to stay under
      // compression's threshold), so "stored" is read from what only a stored answer gets: the
      // cookie that makes this browser the link's owner.
      context.stored =
        status >= 200 && status < 300 && String(context.cookie).startsWith('innerloop_answered=');
      // The page shows what the post returned and revalidates nothing (shouldRevalidate on the
      // answer page and its layout; tests/e2e/answering.test.ts checks Chromium asks for nothing
      // more), so the post's response ends the journey.
      latencies.push(performance.now() - Number(context.start));
      if (context.stored) stored++;
      else other++;
    },
  },
];

const single: Step = {
  setupRequest(request, context) {
    context.start = performance.now();
    if (job.mode === 'get') return { ...request, method: 'GET', path: job.path ?? '/' };
    return {
      ...request,
      method: 'POST',
      // A browser with JavaScript posts the form as a data request.
      path: dataPath(takeToken(), answerRoute),
      headers: postHeaders,
      body: job.body ?? '',
    };
  },
  onResponse(status, body, context) {
    latencies.push(performance.now() - Number(context.start));
    if (status >= 500) errors5xx++;
    if (job.mode === 'answer') {
      if (status >= 200 && status < 300 && body.includes('"status":"stored"')) stored++;
      else other++;
    }
  },
};

const instance = autocannon({
  url: job.url,
  connections: job.connections,
  duration: job.durationSeconds,
  requests: job.mode === 'journey' ? journey : [single],
});

const result = await instance;
latencies.sort((a, b) => a - b);
const at = (p: number) =>
  latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? 0;
const seconds = result.duration;
process.stdout.write(
  `${JSON.stringify({
    requests: latencies.length,
    perSecond: Math.round(latencies.length / seconds),
    p50: Math.round(at(50) * 10) / 10,
    p95: Math.round(at(95) * 10) / 10,
    p99: Math.round(at(99) * 10) / 10,
    stored,
    other,
    errors5xx,
    non2xx: result.non2xx,
    seconds,
  })}\n`,
);
