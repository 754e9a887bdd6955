import { isValidObjectId } from 'mongoose';

import { type MailKind, OutboxMailModel } from '../../models/outbox-mail.server';

// The outbox keeps e-mails while no mail server is configured, and every HR admin reads it. A
// personal link in a mail (a survey invitation or reminder, a password reset) lets whoever holds
// it answer as the recipient or take over their staff account, so no such link is ever stored:
// the outbox shows that a link was in the mail, never the link. Links are removed by default —
// only links that are no capability (a board, a staff page that needs a sign-in) are kept.

/** What HR reads in place of a personal link. */
export const personalLinkPlaceholder = '[personal link — never kept in the outbox]';

// The paths a kept mail may link to as they are: they open nothing by themselves.
const publicPaths = [
  /^\/?$/,
  /^\/login$/,
  // A department's board: published actions, the same for everyone in the department.
  /^\/board(?:\/[\w-]+)?$/,
  // An action's staff page, behind a sign-in.
  /^\/actions\/[a-f\d]{24}$/,
];

/** Whether a link can be kept: a public page, with nothing in a query, fragment or user part. */
function isPublicLink(href: string): boolean {
  let url: URL;
  try {
    url = new URL(href, 'http://outbox.invalid');
  } catch {
    return false;
  }
  if (url.search || url.hash || url.username || url.password) return false;
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
  return publicPaths.some((path) => path.test(url.pathname));
}

// A web address, or a run of URL-safe characters long enough to be a token on its own (tokens
// are 43 characters; board keys and ids, which are kept inside public links, are shorter).
const linkOrToken = /https?:\/\/[^\s<>"']+|[\w-]{32,}/g;

/** The text with every personal link (and anything shaped like a token) replaced. */
export function withoutPersonalLinks(text: string): string {
  return text.replace(linkOrToken, (match) =>
    /^https?:\/\//.test(match) && isPublicLink(match) ? match : personalLinkPlaceholder,
  );
}

const anchor = /<a\b[^>]*?\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))[^>]*>([\s\S]*?)<\/a\s*>/gi;

/**
 * The HTML with every link to a personal address replaced by its label and the placeholder,
 * and any other personal address in it (an attribute, the text) replaced like the text's.
 */
export function htmlWithoutPersonalLinks(html: string): string {
  const anchorsDone = html.replace(
    anchor,
    (
      whole,
      double: string | undefined,
      single: string | undefined,
      bare: string | undefined,
      label: string,
    ) => {
      const href = (double ?? single ?? bare ?? '').replace(/&amp;/g, '&');
      return isPublicLink(href) ? whole : `${label} ${personalLinkPlaceholder}`;
    },
  );
  return withoutPersonalLinks(anchorsDone);
}

export interface OutboxMailInput {
  to: string;
  subject: string;
  text: string;
  html?: string;
  kind: MailKind;
}

/** Keeps a mail in the outbox, without its personal links. */
export async function keepInOutbox(mail: OutboxMailInput): Promise<void> {
  await OutboxMailModel.create({
    to: mail.to,
    subject: withoutPersonalLinks(mail.subject),
    text: withoutPersonalLinks(mail.text),
    html: mail.html === undefined ? null : htmlWithoutPersonalLinks(mail.html),
    kind: mail.kind,
    linksRemoved: true,
  });
}

/**
 * Removes personal links from mail an older version kept with them (the outbox holds 30 days).
 * Runs at start-up; returns how many mails it changed.
 */
export async function removePersonalLinksFromOutbox(): Promise<number> {
  let changed = 0;
  const cursor = OutboxMailModel.find(
    { linksRemoved: { $ne: true } },
    { subject: 1, text: 1, html: 1 },
  )
    .lean()
    .cursor();
  for await (const mail of cursor) {
    await OutboxMailModel.updateOne(
      { _id: mail._id },
      {
        $set: {
          subject: withoutPersonalLinks(mail.subject),
          text: withoutPersonalLinks(mail.text),
          html: mail.html ? htmlWithoutPersonalLinks(mail.html) : null,
          linksRemoved: true,
        },
      },
    );
    changed++;
  }
  return changed;
}

/** The newest mails in the development outbox, without their bodies. */
export async function listOutboxMail(limit = 100) {
  const mails = await OutboxMailModel.find({}, { to: 1, subject: 1, kind: 1, createdAt: 1 })
    .sort({ createdAt: -1 })
    .limit(limit)
    .lean();
  return mails.map((mail) => ({
    id: String(mail._id),
    to: mail.to,
    subject: withoutPersonalLinks(mail.subject),
    kind: mail.kind,
    createdAt: mail.createdAt.toISOString(),
  }));
}

/** One mail to read, or null for an id that is not one. */
export async function findOutboxMail(id: string) {
  if (!isValidObjectId(id)) return null;
  const mail = await OutboxMailModel.findById(id).lean();
  if (!mail) return null;
  // The text version only: stored HTML is never put into a staff page. Links are removed again
  // on the way out, for a mail stored before they were removed on the way in.
  return {
    id: String(mail._id),
    to: mail.to,
    subject: withoutPersonalLinks(mail.subject),
    kind: mail.kind,
    text: withoutPersonalLinks(mail.text),
    createdAt: mail.createdAt.toISOString(),
  };
}
