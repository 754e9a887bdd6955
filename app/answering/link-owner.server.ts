import { createHmac } from 'node:crypto';

import { type Cookie, createCookie } from '@remix-run/node';
import type { Types } from 'mongoose';

import { StandInReceiptModel } from '../../models/stand-in-receipt.server';
import { isComment } from '../question-types/registry';
import { getEnv, loadSessionSecrets } from '../utils/env.server';
import { secureCookies } from '../utils/session.server';
import { isInviteAnswered } from './answer-claims.server';
import type { OpenCycle, ResolvedLink } from './invite-link.server';
import { newReceiptCode } from './receipt.server';
import { submitToLink } from './submit.server';

// An invite link tells whether it has been answered only to the browser that answered through
// it. Anyone else holding the link (HR with a printed sheet, someone it was forwarded to) sees
// the questions whether or not it was answered, and is thanked for their answers either way, so
// neither opening nor sending through a link says whether, or when, its owner answered. The
// browser that answered remembers it in a signed cookie holding an HMAC of the invite id (never
// the id or the token), which only the server can compute and which nothing stored refers to.

const linkOwnerCookieName = 'innerloop_answered';

/** Links a browser remembers having answered; the oldest are forgotten beyond this. */
const rememberedLinks = 50;

// Longer than a cycle stays open (at most 90 days), and about as long as a receipt matters.
const rememberSeconds = 120 * 24 * 60 * 60;

function createLinkOwnerCookie(options: { secrets: string[]; secure: boolean }): Cookie {
  return createCookie(linkOwnerCookieName, {
    httpOnly: true,
    sameSite: 'lax',
    secure: options.secure,
    path: '/a/',
    maxAge: rememberSeconds,
    secrets: options.secrets,
  });
}

let cookie: Cookie | undefined;
let markKey: Buffer | undefined;

function ownerCookie(): Cookie {
  if (cookie) return cookie;
  const env = getEnv();
  cookie = createLinkOwnerCookie({ secrets: loadSessionSecrets(env), secure: secureCookies(env) });
  return cookie;
}

/** What the cookie holds for an invite: an HMAC under a key of its own label. */
function markOf(inviteId: Types.ObjectId | string): string {
  markKey ??= createHmac('sha256', loadSessionSecrets(getEnv())[0] ?? '')
    .update('innerloop/answered-on-this-browser/v1')
    .digest();
  return createHmac('sha256', markKey).update(String(inviteId)).digest('base64url').slice(0, 22);
}

async function marksIn(request: Request): Promise<string[]> {
  const value: unknown = await ownerCookie().parse(request.headers.get('Cookie'));
  return Array.isArray(value)
    ? value.filter((item): item is string => typeof item === 'string')
    : [];
}

/**
 * True only when this browser answered through the invite and the invite is answered: the one
 * case in which a link may say "answered". Other browsers never cause the lookup at all.
 */
export async function answeredOnThisBrowser(
  request: Request,
  inviteId: Types.ObjectId,
): Promise<boolean> {
  if (!(await marksIn(request)).includes(markOf(inviteId))) return false;
  return isInviteAnswered(inviteId);
}

/** The Set-Cookie value that makes this browser the owner of the invite's answer. */
async function rememberOwner(request: Request, inviteId: Types.ObjectId): Promise<string> {
  const mark = markOf(inviteId);
  const marks = (await marksIn(request)).filter((item) => item !== mark);
  return ownerCookie().serialize([...marks, mark].slice(-rememberedLinks));
}

export type LinkSubmitOutcome =
  | { status: 'stored'; receiptCode: string | null; setCookie: string }
  | { status: 'answered' }
  | Exclude<
      Awaited<ReturnType<typeof submitToLink>>,
      { status: 'stored' } | { status: 'answered' }
    >;

/**
 * Submits through an invite link as its page does. Answers sent through a link answered already
 * from another browser are not stored, but the sender is told exactly what a first answer is
 * told — thanks, a working receipt code when they wrote a comment, and this browser remembered as
 * having answered — so sending answers reveals nothing about the link either. Only the browser
 * that answered first is told "already answered".
 */
export async function submitThroughLink(
  resolved: ResolvedLink,
  request: Request,
  payload: unknown,
  now = new Date(),
): Promise<LinkSubmitOutcome> {
  const outcome = await submitToLink(resolved, payload, now);
  if (resolved.status !== 'open')
    return outcome.status === 'stored' ? { status: 'closed' } : outcome;
  const inviteId = resolved.invite._id;
  if (outcome.status === 'stored') {
    return { ...outcome, setCookie: await rememberOwner(request, inviteId) };
  }
  if (outcome.status !== 'answered') return outcome;
  if (await answeredOnThisBrowser(request, inviteId)) return { status: 'answered' };
  return {
    status: 'stored',
    receiptCode: await standInReceipt(commentsIn(resolved.open, payload), now),
    setCookie: await rememberOwner(request, inviteId),
  };
}

/** The comments among a submission's answers: what a stored answer's receipt would show. */
function commentsIn(open: OpenCycle, payload: unknown): string[] {
  if (typeof payload !== 'object' || payload === null || !('answers' in payload)) return [];
  const { answers } = payload;
  if (!Array.isArray(answers)) return [];
  return answers.flatMap((answer: unknown) => {
    if (typeof answer !== 'object' || answer === null) return [];
    if (!('questionId' in answer) || !('value' in answer)) return [];
    const { questionId, value } = answer;
    if (typeof questionId !== 'string' || typeof value !== 'string') return [];
    return isComment(open.typeOf(questionId)) && value.trim() ? [value.trim()] : [];
  });
}

/** A receipt code for answers that were not stored, when a stored answer would have had one. */
async function standInReceipt(comments: string[], now: Date): Promise<string | null> {
  if (comments.length === 0) return null;
  const receipt = newReceiptCode();
  await StandInReceiptModel.create({
    _id: receipt.hash,
    comments,
    expiresAt: new Date(now.getTime() + rememberSeconds * 1000),
  });
  return receipt.code;
}
