import { describe, expect, it, vi } from 'vitest';

import { CommentReplyModel } from '../../models/comment-reply.server';
import { addResponses, makeCommentSurvey, makeCycle } from '../../tests/factories/comments';
import { makeDepartment, makePerson } from '../../tests/factories/organisation';
import { setupTestDatabase } from '../../tests/support/test-database';
import { createSessionCookie, createSessionRecord } from '../utils/session.server';
import { action, loader } from './_staff.insights.comments';

// The route's own work: its filters and reply form read from the request, refusals answered with
// a status and never a 500, and nothing stored for a refused reply. What a leader may read is
// tested in app/insights; who may open the page in tests/integration/route-permissions.test.ts.

const secret = 'insight-comments-route-test-secret-long-enough';
vi.stubEnv('SESSION_SECRET', secret);
setupTestDatabase('insight-comments-route');

const base = 'http://localhost/insights/comments';

async function signedIn(personId: unknown) {
  const cookie = createSessionCookie({ secrets: [secret], secure: false });
  const header = await cookie.serialize(await createSessionRecord(String(personId)));
  return header.split(';', 1)[0] ?? '';
}

async function setting() {
  const a = await makeDepartment('Kitchen');
  const b = await makeDepartment('Service floor');
  const leader = await makePerson({ departmentId: a._id, leaderOf: [a._id] });
  const survey = await makeCommentSurvey([a._id, b._id]);
  const cycle = await makeCycle(survey._id, 1);
  await addResponses(cycle, a._id, 5, { comment: (i) => `Kitchen says ${i}` });
  await addResponses(cycle, b._id, 5, { comment: (i) => `Floor says ${i}` });
  return { a, b, survey, cookie: await signedIn(leader._id) };
}

async function load(cookie: string, search: string) {
  return loader({
    request: new Request(`${base}${search}`, { headers: { cookie } }),
    params: {},
    context: { cspNonce: '', clientAddress: '127.0.0.1' },
  });
}

/** The status a loader or action answered with, whether it returned or threw. */
async function statusOf(answer: Promise<Response>): Promise<number> {
  try {
    return (await answer).status;
  } catch (thrown) {
    if (thrown instanceof Response) return thrown.status;
    throw thrown;
  }
}

function post(cookie: string, search: string, fields: Record<string, string>) {
  return action({
    request: new Request(`${base}${search}`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields),
    }),
    params: {},
    context: { cspNonce: '', clientAddress: '127.0.0.1' },
  });
}

describe('the comments page', () => {
  it('lists the comments of the leader’s departments', async () => {
    const { survey, cookie } = await setting();
    const response = await load(cookie, `?survey=${String(survey._id)}`);
    const view = (await response.json()) as { comments: { text: string }[] };
    expect(view.comments.map((comment) => comment.text).sort()).toEqual(
      [0, 1, 2, 3, 4].map((i) => `Kitchen says ${i}`),
    );
  });

  it('answers 400, 403 or 404 for filters it cannot use, never 500', async () => {
    const { b, survey, cookie } = await setting();
    expect(await statusOf(load(cookie, '?survey=not-an-id'))).toBe(400);
    expect(await statusOf(load(cookie, '?department=%00'))).toBe(400);
    expect(await statusOf(load(cookie, '?survey=0123456789abcdef01234567'))).toBe(404);
    expect(
      await statusOf(load(cookie, `?survey=${String(survey._id)}&department=${String(b._id)}`)),
    ).toBe(403);
    expect(await statusOf(load(cookie, '?from=x&to=&cycle=zz&language=klingon&page=-4'))).toBe(200);
  });

  it('searches the comments it shows and refuses a search that is too long with a message', async () => {
    const { survey, cookie } = await setting();
    const response = await load(cookie, `?survey=${String(survey._id)}&q=SAYS+3`);
    const view = (await response.json()) as { comments: { text: string }[]; total: number };
    expect([view.total, view.comments.map((comment) => comment.text)]).toEqual([
      1,
      ['Kitchen says 3'],
    ]);
    const floor = (await (await load(cookie, '?q=floor')).json()) as { total: number };
    expect(floor.total).toBe(0);
    try {
      await load(cookie, `?q=${'x'.repeat(101)}`);
      expect.unreachable('a search of 101 characters was accepted');
    } catch (thrown) {
      if (!(thrown instanceof Response)) throw thrown;
      expect([thrown.status, await thrown.text()]).toEqual([
        400,
        'insights:comments.errors.searchTooLong {"max":100}',
      ]);
    }
  });

  it('stores a reply and sends the leader back to the same view', async () => {
    const { survey, cookie } = await setting();
    const search = `?survey=${String(survey._id)}&q=says&page=1`;
    const view = (await (await load(cookie, search)).json()) as { comments: { ref: string }[] };
    const response = await post(cookie, search, {
      intent: 'reply',
      ref: view.comments[0]?.ref ?? '',
      text: '  We hear you.  ',
      at: '0',
    });
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe(`/insights/comments${search}`);
    const stored = await CommentReplyModel.find({}).lean();
    expect(stored.map((reply) => reply.text)).toEqual(['We hear you.']);
  });

  it('refuses a bad reply with the field’s message and status 400, storing nothing', async () => {
    const { survey, cookie } = await setting();
    const view = (await (await load(cookie, `?survey=${String(survey._id)}`)).json()) as {
      comments: { ref: string }[];
    };
    const ref = view.comments[0]?.ref ?? '';
    for (const [fields, field] of [
      [{ intent: 'reply', ref, text: '   ' }, 'text'],
      [{ intent: 'reply', ref, text: 'x'.repeat(2001) }, 'text'],
      [{ intent: 'reply', ref: 'forged', text: 'Hello' }, 'ref'],
      [{ intent: 'reply', ref: `${ref.slice(0, -3)}abc`, text: 'Hello' }, 'ref'],
      [{ intent: 'delete', ref, text: 'Hello' }, 'intent'],
      [{}, 'intent'],
    ] as const) {
      const response = await post(cookie, '', fields);
      expect(response.status, JSON.stringify(fields).slice(0, 60)).toBe(400);
      const body = (await response.json()) as { errors: Record<string, string[]> };
      expect(body.errors[field]).toHaveLength(1);
    }
    expect(await CommentReplyModel.countDocuments()).toBe(0);
  });
});
