// The load generator of `npm run bench:answer`, in its own process so it does not share a CPU
// budget with the app's event loop. Reads its job as JSON on argv[2]; prints one line of JSON.
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

import autocannon from 'autocannon';

interface Job {
  url: string;
  connections: number;
  durationSeconds: number;
  /** POST answers, one token per request (from tokensFile); or GET `path`. */
  mode: 'answer' | 'get';
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

const instance = autocannon({
  url: job.url,
  connections: job.connections,
  duration: job.durationSeconds,
  requests: [
    {
      setupRequest(request, context: Record<string, unknown>) {
        context.start = performance.now();
        if (job.mode === 'get') return { ...request, method: 'GET', path: job.path ?? '/' };
        // Past the last token, requests reuse one: answered already, and not counted as confirmed.
        const token = tokens[Math.min(next++, tokens.length - 1)];
        return {
          ...request,
          method: 'POST',
          // A browser with JavaScript posts the form as a data request.
          path: `/a/${token}?_data=${encodeURIComponent('routes/_employee.a.$token')}`,
          headers: {
            'content-type': 'application/x-www-form-urlencoded',
            origin,
            'sec-fetch-site': 'same-origin',
          },
          body: job.body ?? '',
        };
      },
      onResponse(status, body, context: Record<string, unknown>) {
        latencies.push(performance.now() - Number(context.start));
        if (status >= 500) errors5xx++;
        if (job.mode === 'answer') {
          if (status >= 200 && status < 300 && body.includes('"status":"stored"')) stored++;
          else other++;
        }
      },
    },
  ],
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
