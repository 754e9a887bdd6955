import { createServer, type Server, type Socket } from 'node:net';

import { afterEach, describe, expect, it } from 'vitest';

import { OutboxMailModel } from '../../models/outbox-mail.server';
import { setupTestDatabase } from '../../tests/support/test-database';
import { createMailer, sendMail } from './mail.server';

setupTestDatabase('mail');

const reset = {
  to: 'lee@example.com',
  subject: 'Reset your Innerloop password',
  text: 'Open http://localhost/reset-password/abc to choose a new password.',
  html: '<p>Open the link</p>',
  kind: 'password-reset',
} as const;

describe('sendMail without SMTP_URL', () => {
  it('keeps the mail in the outbox without its personal link', async () => {
    expect(
      await sendMail({
        ...reset,
        html: '<p><a href="http://localhost/reset-password/abc">Open the link</a></p>',
      }),
    ).toBe('outbox');
    const stored = await OutboxMailModel.find().lean();
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({
      ...reset,
      text: 'Open [personal link — never kept in the outbox] to choose a new password.',
      html: '<p>Open the link [personal link — never kept in the outbox]</p>',
      linksRemoved: true,
    });
    expect(JSON.stringify(stored)).not.toContain('reset-password');
    expect(stored[0]?.createdAt).toBeInstanceOf(Date);
  });

  it('refuses a mail without a valid recipient and stores nothing', async () => {
    await expect(sendMail({ ...reset, to: 'not an address' })).rejects.toThrow();
    expect(await OutboxMailModel.countDocuments()).toBe(0);
  });
});

/** Just enough of an SMTP server to accept one message and hand it over. */
function fakeSmtpServer(): { server: Server; received: Promise<string> } {
  let deliver: (message: string) => void = () => undefined;
  const received = new Promise<string>((resolve) => (deliver = resolve));
  const server = createServer((socket: Socket) => {
    let data: string | undefined;
    const reply = (line: string) => socket.write(`${line}\r\n`);
    reply('220 fake ESMTP');
    socket.on('data', (chunk) => {
      if (data !== undefined) {
        data += chunk.toString();
        if (!data.endsWith('\r\n.\r\n')) return;
        deliver(data);
        data = undefined;
        reply('250 queued');
        return;
      }
      for (const line of chunk.toString().split('\r\n').filter(Boolean)) {
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === 'EHLO' || verb === 'HELO') reply('250 fake');
        else if (verb === 'DATA') {
          data = '';
          reply('354 go on');
        } else if (verb === 'QUIT') {
          reply('221 bye');
          socket.end();
        } else reply('250 ok');
      }
    });
  });
  return { server, received };
}

describe('createMailer with an SMTP server', () => {
  let server: Server | undefined;
  afterEach(() => server?.close());

  it('sends through SMTP and keeps nothing in the outbox', async () => {
    const fake = fakeSmtpServer();
    server = fake.server;
    await new Promise<void>((resolve) => fake.server.listen(0, '127.0.0.1', resolve));
    const address = fake.server.address();
    if (!address || typeof address === 'string') throw new Error('no port');

    const mailer = createMailer({
      smtpUrl: `smtp://127.0.0.1:${address.port}`,
      from: 'Innerloop <innerloop@example.com>',
    });
    expect(await mailer.send(reset)).toBe('sent');
    const message = await fake.received;
    expect(message).toContain('Subject: Reset your Innerloop password');
    expect(message).toMatch(/From: Innerloop <innerloop@example\.com>/);
    expect(message).toContain('To: lee@example.com');
    // The recipient gets the link itself: only the outbox leaves it out.
    expect(message).toContain('http://localhost/reset-password/abc');
    expect(await OutboxMailModel.countDocuments()).toBe(0);
  });
});
