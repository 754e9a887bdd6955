import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createServer, type Socket } from 'node:net';
import path from 'node:path';

// A mail server for tests: the app sends to it through SMTP_URL exactly as it sends to a real
// one, and the test reads what each recipient would find in their inbox. This is how tests get
// personal links (invitations, password resets) now that the outbox never keeps them.

export interface CaughtMail {
  /** The envelope's recipients. */
  to: string[];
  subject: string;
  text: string;
  html: string;
  receivedAt: number;
}

export interface MailCatcher {
  /** smtp://127.0.0.1:<port>, for SMTP_URL. */
  url: string;
  /** Every mail received so far, oldest first. */
  mails: CaughtMail[];
  /** Waits for a mail that matches, received since the catcher started. */
  waitFor(match: (mail: CaughtMail) => boolean, timeoutMs?: number): Promise<CaughtMail>;
  close(): Promise<void>;
}

/**
 * Starts the catcher on a free loopback port. With `dir`, each mail is also written there as
 * one JSON file, so other processes (e2e test workers) can read it with readCaughtMail.
 */
export async function startMailCatcher({ dir }: { dir?: string } = {}): Promise<MailCatcher> {
  if (dir) mkdirSync(dir, { recursive: true });
  const mails: CaughtMail[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    converse(socket, (mail) => {
      mails.push(mail);
      if (dir) {
        const name = `${String(mail.receivedAt).padStart(15, '0')}-${mails.length}.json`;
        // Written aside and renamed, so a reader never sees half a file.
        writeFileSync(path.join(dir, `${name}.part`), JSON.stringify(mail));
        renameSync(path.join(dir, `${name}.part`), path.join(dir, name));
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('The mail catcher has no port');
  return {
    url: `smtp://127.0.0.1:${address.port}`,
    mails,
    async waitFor(match, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = mails.find(match);
        if (found) return found;
        if (Date.now() > deadline) throw new Error('No matching mail arrived');
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** The mails a catcher started with `dir` has written there, oldest first. */
export function readCaughtMail(dir: string): CaughtMail[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => JSON.parse(readFileSync(path.join(dir, name), 'utf8')) as CaughtMail);
}

/** The first personal link of `kind` in a mail: its token, or undefined. */
export function linkToken(mail: CaughtMail, kind: 'a' | 'reset-password'): string | undefined {
  return new RegExp(`/${kind}/([\\w-]{20,})`).exec(mail.text)?.[1];
}

/** Just enough SMTP for nodemailer: no TLS, no authentication, one mail at a time. */
function converse(socket: Socket, deliver: (mail: CaughtMail) => void) {
  let buffer = '';
  let data: string[] | undefined;
  let recipients: string[] = [];
  const reply = (line: string) => socket.write(`${line}\r\n`);
  reply('220 mail-catcher ESMTP');
  socket.on('error', () => undefined);
  socket.on('data', (chunk) => {
    buffer += chunk.toString('latin1');
    let end: number;
    while ((end = buffer.indexOf('\r\n')) >= 0) {
      const line = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      if (data) {
        if (line === '.') {
          deliver(parseMessage(data.join('\r\n'), recipients));
          data = undefined;
          recipients = [];
          reply('250 caught');
        } else {
          data.push(line.startsWith('..') ? line.slice(1) : line);
        }
        continue;
      }
      const verb = line.slice(0, 4).toUpperCase();
      if (verb === 'EHLO') reply('250 mail-catcher');
      else if (verb === 'HELO') reply('250 mail-catcher');
      else if (verb === 'RCPT') {
        recipients.push(/<([^>]*)>/.exec(line)?.[1] ?? '');
        reply('250 ok');
      } else if (verb === 'DATA') {
        data = [];
        reply('354 go on');
      } else if (verb === 'QUIT') {
        reply('221 bye');
        socket.end();
      } else reply('250 ok');
    }
  });
}

interface Part {
  headers: Map<string, string>;
  body: string;
}

function parseMessage(raw: string, to: string[]): CaughtMail {
  const mail: CaughtMail = { to, subject: '', text: '', html: '', receivedAt: Date.now() };
  const top = splitPart(raw);
  mail.subject = decodeWords(top.headers.get('subject') ?? '');
  const visit = (part: Part) => {
    const type = part.headers.get('content-type') ?? 'text/plain';
    const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
    if (/^multipart\//i.test(type) && boundary) {
      const pieces = part.body.split(`--${boundary}`).slice(1);
      for (const piece of pieces) {
        if (piece.startsWith('--')) break;
        // The line break before a boundary belongs to the boundary.
        visit(splitPart(piece.replace(/^\r\n/, '').replace(/\r\n$/, '')));
      }
      return;
    }
    // SMTP carries CRLF line ends; the app wrote LF.
    const body = decodeBody(
      part.body,
      part.headers.get('content-transfer-encoding') ?? '7bit',
    ).replace(/\r\n/g, '\n');
    if (/^text\/html/i.test(type)) mail.html += body;
    else if (/^text\/plain/i.test(type)) mail.text += body;
  };
  visit(top);
  return mail;
}

function splitPart(raw: string): Part {
  const split = raw.indexOf('\r\n\r\n');
  const head = split >= 0 ? raw.slice(0, split) : raw;
  const body = split >= 0 ? raw.slice(split + 4) : '';
  const headers = new Map<string, string>();
  for (const line of head.replace(/\r\n[ \t]+/g, ' ').split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon > 0)
      headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return { headers, body };
}

function decodeBody(body: string, encoding: string): string {
  const bytes = (text: string) => Buffer.from(text, 'latin1');
  switch (encoding.toLowerCase()) {
    case 'base64':
      return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
    case 'quoted-printable':
      return quotedPrintable(body.replace(/=\r\n/g, ''));
    default:
      return bytes(body).toString('utf8');
  }
}

function quotedPrintable(text: string): string {
  const bytes: number[] = [];
  for (let index = 0; index < text.length; index++) {
    const hex = text.slice(index + 1, index + 3);
    if (text[index] === '=' && /^[\dA-F]{2}$/i.test(hex)) {
      bytes.push(parseInt(hex, 16));
      index += 2;
    } else {
      bytes.push(text.charCodeAt(index));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

/** RFC 2047 encoded words (=?UTF-8?Q?...?= and =?UTF-8?B?...?=) in a header. */
function decodeWords(header: string): string {
  return header
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?[^?]+\?([QB])\?([^?]*)\?=/gi, (_whole, kind: string, encoded: string) =>
      kind.toUpperCase() === 'B'
        ? Buffer.from(encoded, 'base64').toString('utf8')
        : quotedPrintable(encoded.replace(/_/g, ' ')),
    );
}
