import { describe, expect, it } from 'vitest';

import { createLogger } from './log.server';

function capture(level: Parameters<typeof createLogger>[0]) {
  const lines: [string, string][] = [];
  const logger = createLogger(level, (at, line) => lines.push([at, line]));
  return { logger, lines };
}

describe('createLogger', () => {
  it('writes one timestamped line per message, with its level', () => {
    const { logger, lines } = capture('debug');
    logger.info('Innerloop listening');
    expect(lines).toHaveLength(1);
    expect(lines[0]?.[0]).toBe('info');
    expect(lines[0]?.[1]).toMatch(
      /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z INFO {2}Innerloop listening$/,
    );
  });

  it('drops messages below the configured level', () => {
    const { logger, lines } = capture('warn');
    logger.debug('a');
    logger.info('b');
    logger.warn('c');
    logger.error('d');
    expect(lines.map(([level]) => level)).toEqual(['warn', 'error']);
  });

  it('writes nothing when silent', () => {
    const { logger, lines } = capture('silent');
    logger.error('boom');
    expect(lines).toEqual([]);
  });
});
