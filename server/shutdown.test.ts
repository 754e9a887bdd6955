import { createServer, type Server } from 'node:http';

import { afterEach, describe, expect, it, vi } from 'vitest';

import { serverUrl } from '../tests/support/server-url';
import { gracefulShutdown } from './shutdown';

let server: Server;

afterEach(() => {
  server.closeAllConnections();
  server.close();
});

async function listen(handler: Parameters<typeof createServer>[1]): Promise<string> {
  server = createServer(handler);
  server.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  return serverUrl(server);
}

const quietLogger = () => ({ info: vi.fn(), warn: vi.fn(), error: vi.fn() });

describe('gracefulShutdown', () => {
  it('lets an open request finish, refuses new connections, cleans up, then exits 0', async () => {
    const order: string[] = [];
    const base = await listen((_request, response) => {
      setTimeout(() => {
        order.push('request finished');
        response.end('done');
      }, 300);
    });
    const exit = vi.fn((code: number) => order.push(`exit ${code}`));
    const shutdown = gracefulShutdown({
      server,
      logger: quietLogger(),
      cleanup: () => {
        order.push('cleanup');
        return Promise.resolve();
      },
      exit,
    });

    const open = fetch(`${base}/slow`).then((response) => response.text());
    await new Promise((resolve) => setTimeout(resolve, 50));
    const stopping = shutdown('SIGTERM');

    expect(await open).toBe('done');
    await stopping;
    await expect(fetch(`${base}/late`)).rejects.toThrow();
    expect(order).toEqual(['request finished', 'cleanup', 'exit 0']);
  });

  it('cuts requests that outlive the drain timeout and still stops', async () => {
    const base = await listen(() => {
      // Never answers.
    });
    const logger = quietLogger();
    const exit = vi.fn();
    const shutdown = gracefulShutdown({
      server,
      logger,
      cleanup: () => Promise.resolve(),
      drainTimeoutMs: 200,
      exit,
    });
    const hanging = fetch(`${base}/hang`).catch((error: unknown) => error);
    await new Promise((resolve) => setTimeout(resolve, 50));
    await shutdown('SIGINT');
    expect(await hanging).toBeInstanceOf(Error);
    expect(logger.warn).toHaveBeenCalledWith(expect.stringContaining('still open after 200ms'));
    expect(exit).toHaveBeenCalledWith(0);
  });

  it('shuts down once when signalled twice', async () => {
    await listen((_request, response) => response.end());
    const cleanup = vi.fn(() => Promise.resolve());
    const exit = vi.fn();
    const shutdown = gracefulShutdown({ server, logger: quietLogger(), cleanup, exit });
    await Promise.all([shutdown('SIGTERM'), shutdown('SIGINT')]);
    expect(cleanup).toHaveBeenCalledTimes(1);
    expect(exit).toHaveBeenCalledTimes(1);
  });

  it('exits 1 when cleanup fails', async () => {
    await listen((_request, response) => response.end());
    const logger = quietLogger();
    const exit = vi.fn();
    const shutdown = gracefulShutdown({
      server,
      logger,
      cleanup: () => Promise.reject(new Error('engine would not stop')),
      exit,
    });
    await shutdown('SIGTERM');
    expect(exit).toHaveBeenCalledWith(1);
    expect(logger.error).toHaveBeenCalledWith(expect.stringContaining('engine would not stop'));
  });
});
