import { describe, expect, it } from 'vitest';

import { sendIdea } from '../../app/ideas/send.server';
import { createSessionCookie, createSessionRecord } from '../../app/utils/session.server';
import { IdeaModel } from '../../models/idea.server';
import { makeDepartment, makePerson } from '../factories/organisation';
import { startAppForFile } from '../support/app-for-file';
import { type HttpClient, httpClient } from '../support/http-client';

// The ideas pages over HTTP: the public idea form takes good input and refuses bad input with
// the message beside its field and nothing stored; the staff page's forms likewise, each told
// apart by its intent; a sender posting too often is slowed down.
const app = startAppForFile('idea-routes');

const sessionCookie = createSessionCookie({ secrets: [app.secret], secure: false });

async function clientFor(personId: string): Promise<HttpClient> {
  const header = await sessionCookie.serialize(await createSessionRecord(personId));
  return httpClient(app.url, header.split(';', 1)[0]);
}

const data = (path: string, route: string) => `${path}?_data=${encodeURIComponent(route)}`;
const dayMs = 24 * 60 * 60 * 1000;

describe('the idea form of a board', () => {
  it('stores a good idea and answers the receipt code; refuses a bad one with 400 and stores nothing', async () => {
    const department = await makeDepartment('Kitchen');
    const anonymous = httpClient(app.url);
    const path = `/board/${department.boardKey}/idea`;
    const route = 'routes/_employee.board.$boardKey_.idea';
    expect((await anonymous.get(path)).status).toBe(200);
    expect((await anonymous.get('/board/not-a-key/idea')).status).toBe(404);

    const short = await anonymous.post(data(path, route), { kind: 'idea', text: 'short' });
    expect(short.status).toBe(400);
    expect(await short.json()).toMatchObject({ errors: { text: ['ideas:errors.textTooShort'] } });
    const kind = await anonymous.post(data(path, route), {
      kind: 'rant',
      text: 'A long enough text',
    });
    expect(kind.status).toBe(400);
    expect(await kind.json()).toMatchObject({ errors: { kind: ['ideas:errors.chooseKind'] } });
    expect(await IdeaModel.countDocuments()).toBe(0);

    const good = await anonymous.post(data(path, route), {
      kind: 'concern',
      text: 'The fridge door does not close',
    });
    expect(good.status).toBe(200);
    expect(JSON.stringify(await good.json())).toMatch(
      /^\{"code":"[0-9A-Z]{4}(-[0-9A-Z]{4}){3}"\}$/,
    );
    expect(await IdeaModel.countDocuments({ departmentId: department._id })).toBe(1);

    // Ten posts an hour from one network address, refused ones included (three so far); the
    // eleventh is refused and stores nothing.
    for (let n = 4; n <= 10; n++) {
      const sent = await anonymous.post(data(path, route), {
        kind: 'idea',
        text: `Idea number ${n}`,
      });
      expect(sent.status).toBe(200);
    }
    const tooMany = await anonymous.post(data(path, route), {
      kind: 'idea',
      text: 'Idea number 11',
    });
    expect(tooMany.status).toBe(429);
    expect(await tooMany.json()).toMatchObject({ errors: { form: ['ideas:errors.tooMany'] } });
    expect(await IdeaModel.countDocuments({ departmentId: department._id })).toBe(8);
  });
});

describe('the idea page', () => {
  it('takes a reply and a status, refusing an empty reply, a not doing without reason and an unknown form', async () => {
    const department = await makeDepartment('IT');
    const other = await makeDepartment('Sales');
    const leader = await makePerson({ departmentId: department._id, leaderOf: [department._id] });
    const otherLeader = await makePerson({ departmentId: other._id, leaderOf: [other._id] });
    const past = new Date(Date.now() - 14 * dayMs);
    for (let n = 0; n < 5; n++) {
      await sendIdea(
        String(department._id),
        { kind: 'idea', text: `Idea number ${n} for IT` },
        past,
      );
    }
    const client = await clientFor(String(leader._id));
    const outsider = await clientFor(String(otherLeader._id));
    expect((await client.get('/ideas')).status).toBe(200);
    const idea = await IdeaModel.findOne({ text: 'Idea number 0 for IT' }).lean();
    const path = `/ideas/${idea?._id}`;
    const route = 'routes/_staff.ideas.$ideaId';
    expect((await client.get(path)).status).toBe(200);
    expect((await outsider.get(path)).status).toBe(403);
    expect((await outsider.post(path, { intent: 'reply', text: 'Sneaky' })).status).toBe(403);

    const empty = await client.post(data(path, route), { intent: 'reply', text: ' ' });
    expect(empty.status).toBe(400);
    expect(await empty.json()).toMatchObject({ errors: { text: ['ideas:errors.replyRequired'] } });
    const bare = await client.post(data(path, route), { intent: 'status', status: 'not-doing' });
    expect(bare.status).toBe(400);
    expect(await bare.json()).toMatchObject({
      errors: { reason: ['ideas:errors.reasonRequired'] },
    });
    expect((await client.post(data(path, route), { intent: 'explode' })).status).toBe(400);
    const unchanged = await IdeaModel.findById(idea?._id).lean();
    expect(unchanged).toMatchObject({ status: 'new', replies: [] });

    expect((await client.post(path, { intent: 'reply', text: 'Thanks, noted.' })).status).toBe(302);
    expect(
      (
        await client.post(path, {
          intent: 'status',
          status: 'not-doing',
          reason: 'No budget this year.',
        })
      ).status,
    ).toBe(302);
    expect(await IdeaModel.findById(idea?._id).lean()).toMatchObject({
      status: 'not-doing',
      reason: 'No budget this year.',
      replies: [expect.objectContaining({ text: 'Thanks, noted.' })],
    });
  });
});
