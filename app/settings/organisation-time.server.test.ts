import { Types } from 'mongoose';
import { describe, expect, it } from 'vitest';

import { CommentReplyModel } from '../../models/comment-reply.server';
import { setupTestDatabase } from '../../tests/support/test-database';
import { repliesOf } from '../insights/comment-replies.server';
import { saveSettings } from './organisation.server';

setupTestDatabase('organisation-time');

async function zone(timeZone: string) {
  const form = new FormData();
  const fields = {
    organisationName: 'Nordlys',
    anonymityThreshold: '5',
    defaultLanguage: 'en',
    languages: 'en',
    reminderDaysBeforeClose: '1',
    timeZone,
  };
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  const saved = await saveSettings(form);
  if (!saved.ok) throw new Error(JSON.stringify(saved.errors));
}

const address = { responseId: 'r-1', questionId: 'q-text', providerDepartmentId: null };

describe('days are the organisation’s days', () => {
  it('dates a late-evening reply by the day in the organisation’s time zone', async () => {
    // 23:30 UTC on 1 March: still 1 March in São Paulo, already 2 March in Oslo.
    await CommentReplyModel.create({
      ...address,
      text: 'Thank you.',
      authorId: new Types.ObjectId(),
      authorName: 'Ana',
      createdAt: new Date('2026-03-01T23:30:00Z'),
    });
    await zone('Europe/Oslo');
    expect([...(await repliesOf([address])).values()][0]?.[0]?.day).toBe('2026-03-02');
    await zone('America/Sao_Paulo');
    expect([...(await repliesOf([address])).values()][0]?.[0]?.day).toBe('2026-03-01');
  });
});
