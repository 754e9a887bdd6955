import { isValidObjectId } from 'mongoose';

import { type MailKind, OutboxMailModel } from '../../models/outbox-mail.server';
import { type OutboxFilters, outboxPageSize } from './outbox-filters';

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

/** Characters a regular expression reads as its own, so a search matches them as typed. */
const escapeForRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * One page of the outbox, newest first, without bodies, optionally only the mails whose recipient
 * or subject holds the search. Subjects are stored without personal links, so a search cannot
 * find a token by guessing its start.
 */
export async function listOutboxMail(filters: OutboxFilters = { page: 1 }) {
  const search = filters.q ?? '';
  // Only mail already cleaned of personal links is searched: matching against a link a mail kept
  // before start-up cleaned it would tell, match by match, what the link was.
  const query = search
    ? {
        linksRemoved: true,
        $or: [
          { to: { $regex: escapeForRegExp(search), $options: 'i' } },
          { subject: { $regex: escapeForRegExp(search), $options: 'i' } },
        ],
      }
    : {};
  const total = await OutboxMailModel.countDocuments(query);
  const pageCount = Math.max(1, Math.ceil(total / outboxPageSize));
  const page = Math.min(filters.page ?? 1, pageCount);
  const mails = await OutboxMailModel.find(query, { to: 1, subject: 1, kind: 1, createdAt: 1 })
    // _id breaks ties between mails kept in the same millisecond, so pages never overlap.
    .sort({ createdAt: -1, _id: -1 })
    .skip((page - 1) * outboxPageSize)
    .limit(outboxPageSize)
    .lean();
  return {
    mails: mails.map((mail) => ({
      id: String(mail._id),
      to: mail.to,
      subject: withoutPersonalLinks(mail.subject),
      kind: mail.kind,
      createdAt: mail.createdAt.toISOString(),
    })),
    search,
    total,
    page,
    pageCount,
    notes: filters.page === null ? ['settings:outbox.badPage'] : [],
  };
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
