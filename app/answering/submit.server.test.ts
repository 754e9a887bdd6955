import { Types } from 'mongoose';
import { describe, expect, it } from 'vitest';

import { AnswerClaimModel } from '../../models/answer-claim.server';
import { CycleModel } from '../../models/cycle.server';
import { InviteModel } from '../../models/invite.server';
import { ResponseModel } from '../../models/response.server';
import { RollupModel } from '../../models/rollup.server';
import { makeAnsweringCycle, validAnswers } from '../../tests/factories/answering';
import { setupTestDatabase } from '../../tests/support/test-database';
import { hashToken, newToken } from '../surveys/tokens.server';
import { isInviteAnswered } from './answer-claims.server';
import { openInviteLink, resolveLink } from './invite-link.server';
import { hashReceiptCode } from './receipt.server';
import { applyRollups, rebuildRollups, respondentsQuestionId } from './rollups.server';
import { submissionKeyFor } from './submission-key.server';
import { recoverResponses, submitResponse, submitToLink } from './submit.server';

setupTestDatabase('answering');

/** The rollups as plain, comparable rows. */
async function rollupRows() {
  const rows = await RollupModel.find({}, { _id: 0 }).lean();
  return rows
    .map((row) => ({
      cycleId: String(row.cycleId),
      departmentId: String(row.departmentId),
      questionId: row.questionId,
      providerDepartmentId: row.providerDepartmentId ? String(row.providerDepartmentId) : null,
      count: row.count ?? 0,
      sum: row.sum ?? 0,
      sumSquares: row.sumSquares ?? 0,
      skipped: row.skipped ?? 0,
      histogram: row.histogram ?? {},
    }))
    .sort((a, b) =>
      `${a.departmentId}${a.questionId}${a.providerDepartmentId}`.localeCompare(
        `${b.departmentId}${b.questionId}${b.providerDepartmentId}`,
      ),
    );
}

async function expectRollupsEqualRebuild() {
  const incremental = await rollupRows();
  await rebuildRollups();
  expect(await rollupRows()).toEqual(incremental);
  return incremental;
}

describe('submitting a response', () => {
  it('stores the answers once, anonymously, claims the invite without touching it, and rolls them up', async () => {
    const { invites, providers, departments, cycle } = await makeAnsweringCycle();
    const [invite] = invites;
    if (!invite) throw new Error('no invite');
    const untouched = await InviteModel.findById(invite._id).lean();
    const outcome = await submitResponse(invite.token, validAnswers(providers, { scale: 5 }));
    expect(outcome).toEqual({ status: 'stored', receiptCode: null });

    const [response, ...others] = await ResponseModel.find({}).lean();
    expect(others).toHaveLength(0);
    expect(typeof response?._id).toBe('string');
    expect(response?._id).not.toMatch(/^[0-9a-f]{24}$/);
    expect(Object.keys(response ?? {}).sort()).toEqual(
      ['_id', 'answers', 'cycleId', 'departmentId', 'rolledUp', 'surveyId'].sort(),
    );
    expect(String(response?.departmentId)).toBe(String(departments[0]?._id));
    expect(JSON.stringify(response)).not.toContain(String(invite._id));
    expect(JSON.stringify(response)).not.toContain(String(invite.personId));

    // The invite is exactly as it was; only an opaque claim says it was answered.
    expect(await InviteModel.findById(invite._id).lean()).toEqual(untouched);
    expect(await isInviteAnswered(invite._id)).toBe(true);
    const claims = await AnswerClaimModel.find({}).lean();
    expect(claims).toHaveLength(1);
    expect(JSON.stringify(claims)).not.toContain(String(invite._id));
    expect(JSON.stringify(claims)).not.toContain(String(invite.personId));

    const rows = await rollupRows();
    const scale = rows.find((row) => row.questionId === 'q-scale');
    expect(scale).toMatchObject({ count: 1, sum: 5, sumSquares: 25, histogram: { 5: 1 } });
    expect(String(scale?.cycleId)).toBe(String(cycle._id));
    const nps = rows.filter((row) => row.questionId === 'q-nps');
    expect(nps.map((row) => row.providerDepartmentId).sort()).toEqual(
      providers.map((provider) => String(provider._id)).sort(),
    );
    expect(rows.find((row) => row.questionId === 'q-multi')?.histogram).toEqual({
      training: 1,
      time: 1,
    });
  });

  it('gives a receipt code, stored only as its hash, when a comment was written', async () => {
    const { invites, providers } = await makeAnsweringCycle();
    const outcome = await submitResponse(
      invites[0]?.token ?? '',
      validAnswers(providers, { comment: '  More coffee, please.  ' }),
    );
    if (outcome.status !== 'stored' || !outcome.receiptCode) throw new Error('no receipt');
    const response = await ResponseModel.findOne({}).lean();
    expect(response?.receiptHash).toBe(hashReceiptCode(outcome.receiptCode));
    expect(JSON.stringify(response)).not.toContain(outcome.receiptCode);
    expect(response?.answers.find((answer) => answer.questionId === 'q-text')?.value).toBe(
      'More coffee, please.',
    );
  });

  it('counts "I did not use this service" as skipped, not as a score', async () => {
    const { invites, providers } = await makeAnsweringCycle();
    await submitResponse(
      invites[0]?.token ?? '',
      validAnswers(providers, { skipFirstProvider: true }),
    );
    const first = (await rollupRows()).find(
      (row) => row.providerDepartmentId === String(providers[0]?._id),
    );
    expect(first).toMatchObject({ count: 0, skipped: 1, sum: 0, histogram: {} });
  });
});

describe('a refused submission', () => {
  const cases: [string, (answers: ReturnType<typeof validAnswers>) => unknown, string][] = [
    [
      'an unknown question',
      (s) => ({ ...s, answers: [...s.answers, { questionId: 'q-nope', value: 3 }] }),
      'q-nope',
    ],
    ['a scale value out of range', (s) => withValue(s, 'q-scale', 6), 'q-scale'],
    ['a scale value that is not whole', (s) => withValue(s, 'q-scale', 2.5), 'q-scale'],
    ['a number sent as text', (s) => withValue(s, 'q-scale', '4'), 'q-scale'],
    [
      'an NPS value out of range',
      (s) => ({
        ...s,
        answers: s.answers.map((a) => (a.questionId === 'q-nps' ? { ...a, value: 11 } : a)),
      }),
      'q-nps.',
    ],
    ['a choice that does not exist', (s) => withValue(s, 'q-single', 'moon'), 'q-single'],
    ['a multi choice given twice', (s) => withValue(s, 'q-multi', ['time', 'time']), 'q-multi'],
    [
      'a comment longer than the question allows',
      (s) => ({ ...s, answers: [...s.answers, { questionId: 'q-text', value: 'x'.repeat(501) }] }),
      'q-text',
    ],
    [
      'the same question answered twice',
      (s) => ({ ...s, answers: [...s.answers, { questionId: 'q-scale', value: 3 }] }),
      'q-scale',
    ],
    [
      'a required question left out',
      (s) => ({ ...s, answers: s.answers.filter((a) => a.questionId !== 'q-scale') }),
      'q-scale',
    ],
    [
      'a skip of a question that rates no department',
      (s) => ({
        ...s,
        answers: [
          ...s.answers.filter((a) => a.questionId !== 'q-single'),
          { questionId: 'q-single', skipped: true },
        ],
      }),
      'q-single',
    ],
    [
      'a provider the cycle does not rate',
      (s) => ({
        ...s,
        answers: [
          ...s.answers,
          { questionId: 'q-nps', providerDepartmentId: String(new Types.ObjectId()), value: 5 },
        ],
      }),
      'q-nps.',
    ],
    ['a language the survey does not offer', (s) => ({ ...s, language: 'pl' }), 'language'],
    ['no answers list at all', () => ({ language: 'en', answers: 'all good' }), 'answers'],
  ];

  it.each(cases)(
    '%s is refused with a message on that question, and nothing is stored',
    async (_, change, key) => {
      const { invites, providers } = await makeAnsweringCycle();
      const invite = invites[0];
      const outcome = await submitResponse(invite?.token ?? '', change(validAnswers(providers)));
      if (outcome.status !== 'invalid')
        throw new Error(`expected a refusal, got ${outcome.status}`);
      const keys = Object.keys(outcome.errors);
      expect(keys.some((each) => each.startsWith(key))).toBe(true);
      expect(
        Object.values(outcome.errors)
          .flat()
          .every((message) => (message ?? '').length > 5),
      ).toBe(true);
      expect(await ResponseModel.countDocuments()).toBe(0);
      expect(await RollupModel.countDocuments()).toBe(0);
      expect(await isInviteAnswered(invite?._id ?? '')).toBe(false);
    },
  );
});

function withValue(
  submission: ReturnType<typeof validAnswers>,
  questionId: string,
  value: unknown,
) {
  return {
    ...submission,
    answers: submission.answers.map((answer) =>
      answer.questionId === questionId ? { ...answer, value } : answer,
    ),
  };
}

describe('exactly once', () => {
  it('answers "already answered" to a retry and stores nothing more', async () => {
    const { invites, providers } = await makeAnsweringCycle();
    const token = invites[0]?.token ?? '';
    expect((await submitResponse(token, validAnswers(providers))).status).toBe('stored');
    expect(await submitResponse(token, validAnswers(providers))).toEqual({ status: 'answered' });
    expect(await ResponseModel.countDocuments()).toBe(1);
    expect((await rollupRows()).find((row) => row.questionId === 'q-scale')?.count).toBe(1);
  });

  it('stores one of many concurrent submissions through the first and the reminder link', async () => {
    const { invites, providers } = await makeAnsweringCycle();
    const invite = invites[0];
    const reminder = newToken();
    await InviteModel.updateOne(
      { _id: invite?._id },
      { $set: { reminderTokenHash: reminder.hash } },
    );
    const tokens = Array.from({ length: 12 }, (_, index) =>
      index % 2 === 0 ? (invite?.token ?? '') : reminder.token,
    );
    const outcomes = await Promise.all(
      tokens.map((token) => submitResponse(token, validAnswers(providers))),
    );
    expect(outcomes.filter((outcome) => outcome.status === 'stored')).toHaveLength(1);
    expect(outcomes.filter((outcome) => outcome.status === 'answered')).toHaveLength(11);
    expect(await ResponseModel.countDocuments()).toBe(1);
    expect((await rollupRows()).find((row) => row.questionId === 'q-scale')?.count).toBe(1);
    expect(await ResponseModel.countDocuments({ submissionKey: { $exists: true } })).toBe(0);
    await expectRollupsEqualRebuild();
  });

  it('keeps incremental rollups equal to a rebuild under 200 concurrent submissions', async () => {
    const { invites, providers } = await makeAnsweringCycle({ invites: 200, departments: 4 });
    const outcomes = await Promise.all(
      invites.map((invite, index) =>
        submitResponse(
          invite.token,
          validAnswers(providers, {
            scale: (index % 5) + 1,
            skipFirstProvider: index % 3 === 0,
            comment: index % 7 === 0 ? `Comment ${index}` : undefined,
          }),
        ),
      ),
    );
    expect(outcomes.every((outcome) => outcome.status === 'stored')).toBe(true);
    expect(await ResponseModel.countDocuments({ rolledUp: true })).toBe(200);
    expect(await AnswerClaimModel.countDocuments()).toBe(200);
    const rows = await expectRollupsEqualRebuild();
    const scaleCount = rows
      .filter((row) => row.questionId === 'q-scale')
      .reduce((total, row) => total + row.count, 0);
    expect(scaleCount).toBe(200);
    expect(rows.filter((row) => row.questionId === 'q-scale')).toHaveLength(4);
    // Confirmed means counted and unlinked: no key outlives its confirmation, and the respondent
    // counters (written in shared batches) add up to the responses.
    expect(await ResponseModel.countDocuments({ submissionKey: { $exists: true } })).toBe(0);
    const respondents = rows.filter((row) => row.questionId === respondentsQuestionId);
    expect(respondents.reduce((total, row) => total + row.count, 0)).toBe(200);
  });
});

describe('between opening a link and storing', () => {
  it('refuses a submission for a cycle closed meanwhile, though its copy of the cycle says open', async () => {
    const { invites, providers, cycle } = await makeAnsweringCycle({ invites: 2 });
    const [first, second] = invites;
    // The first submission leaves the cycle, as open, in the copy submissions may use.
    expect((await submitResponse(first?.token ?? '', validAnswers(providers))).status).toBe(
      'stored',
    );
    await CycleModel.updateOne({ _id: cycle._id }, { $set: { status: 'closed' } });
    expect(await submitResponse(second?.token ?? '', validAnswers(providers))).toEqual({
      status: 'closed',
    });
    expect(await ResponseModel.countDocuments()).toBe(1);
    expect(await isInviteAnswered(second?._id ?? '')).toBe(false);
    expect((await rollupRows()).find((row) => row.questionId === 'q-scale')?.count).toBe(1);
  });

  it('answers "already answered" when the invite was answered after the link was resolved, and keeps only the first', async () => {
    const { invites, providers } = await makeAnsweringCycle({ invites: 1 });
    const token = invites[0]?.token ?? '';
    // A second tab resolved the link while it was unused, and sends after the first finished.
    const staleTab = await resolveLink(token, new Date(), { forSubmission: true });
    expect(staleTab.status).toBe('open');
    expect((await submitResponse(token, validAnswers(providers, { scale: 2 }))).status).toBe(
      'stored',
    );
    expect(await submitToLink(staleTab, validAnswers(providers, { scale: 5 }))).toEqual({
      status: 'answered',
    });
    const [response, ...others] = await ResponseModel.find({}).lean();
    expect(others).toHaveLength(0);
    expect(response?.answers.find((answer) => answer.questionId === 'q-scale')?.value).toBe(2);
    await expectRollupsEqualRebuild();
  });

  it('stores responses arriving together in an order unrelated to their arrival', async () => {
    const { invites, providers } = await makeAnsweringCycle({ invites: 41 });
    const [first, ...together] = invites;
    // The first one alone, so the others find the cycle already read and arrive in order.
    await submitResponse(first?.token ?? '', validAnswers(providers));
    await Promise.all(
      together.map((invite, index) =>
        submitResponse(invite.token, validAnswers(providers, { comment: `Arrived ${index}` })),
      ),
    );
    // Natural order is insertion order on the embedded engine (and usually on MongoDB).
    const stored = await ResponseModel.find({ receiptHash: { $exists: true } }, { answers: 1 });
    const arrival = stored.map((response) =>
      Number(
        String(response.answers.find((answer) => answer.questionId === 'q-text')?.value).slice(8),
      ),
    );
    const inOrder = together.map((_, index) => index);
    expect([...arrival].sort((a, b) => a - b)).toEqual(inOrder);
    expect(arrival).not.toEqual(inOrder);
  });

  it('sorts a batch arriving together: stored, already answered and closed, each told so', async () => {
    const open = await makeAnsweringCycle({ invites: 20 });
    const closing = await makeAnsweringCycle({ invites: 5 });
    // Both cycles' copies are taken while open; then the second closes.
    await submitResponse(closing.invites[0]?.token ?? '', validAnswers(closing.providers));
    await CycleModel.updateOne({ _id: closing.cycle._id }, { $set: { status: 'closed' } });
    const sends = [
      ...open.invites.map((invite) => invite.token),
      ...open.invites.slice(0, 5).map((invite) => invite.token),
      ...closing.invites.slice(1).map((invite) => invite.token),
    ];
    const outcomes = await Promise.all(
      sends.map((token, index) =>
        submitResponse(token, validAnswers(index < 25 ? open.providers : closing.providers)),
      ),
    );
    const statuses = outcomes.map((outcome) => outcome.status);
    expect(statuses.filter((status) => status === 'stored')).toHaveLength(20);
    expect(statuses.filter((status) => status === 'answered')).toHaveLength(5);
    expect(statuses.slice(25)).toEqual(['closed', 'closed', 'closed', 'closed']);
    expect(await ResponseModel.countDocuments({ cycleId: open.cycle._id })).toBe(20);
    expect(await ResponseModel.countDocuments({ cycleId: closing.cycle._id })).toBe(1);
    expect(await AnswerClaimModel.countDocuments()).toBe(21);
    expect(await ResponseModel.countDocuments({ submissionKey: { $exists: true } })).toBe(0);
    await expectRollupsEqualRebuild();
  });
});

describe('crash recovery', () => {
  async function halfStored(steps: 1 | 2 | 3) {
    const { invites, providers, cycle, survey, departments } = await makeAnsweringCycle({
      invites: 3,
    });
    // Two complete responses before the crash.
    await submitResponse(invites[1]?.token ?? '', validAnswers(providers, { scale: 2 }));
    await submitResponse(invites[2]?.token ?? '', validAnswers(providers, { scale: 3 }));
    const invite = invites[0];
    if (!invite) throw new Error('no invite');
    const answers = validAnswers(providers, { scale: 5 }).answers.map((answer) => ({
      ...answer,
      providerDepartmentId:
        'providerDepartmentId' in answer ? new Types.ObjectId(answer.providerDepartmentId) : null,
    }));
    await ResponseModel.collection.insertOne({
      _id: 'crashed-response' as never,
      cycleId: cycle._id,
      surveyId: survey._id,
      departmentId: departments[0]?._id,
      answers,
      submissionKey: submissionKeyFor(String(invite._id)),
      rolledUp: false,
    });
    if (steps >= 3) {
      const types = new Map(survey.questions.map((question) => [question.id, question.type]));
      await applyRollups(
        {
          cycleId: cycle._id,
          surveyId: survey._id,
          departmentId: departments[0]?._id ?? new Types.ObjectId(),
        },
        answers,
        (id) => types.get(id),
      );
    }
    return { invite, providers };
  }

  async function claimedToo() {
    // Step 4 wrote the claim but the stop came before the key was released.
    const keyed = await ResponseModel.findOne({ submissionKey: { $type: 'string' } }).lean();
    if (!keyed?.submissionKey) throw new Error('no half-stored response');
    await AnswerClaimModel.create({ _id: keyed.submissionKey, cycleId: keyed.cycleId });
  }

  it.each([1, 2, 3, 4] as const)(
    'finishes a response cut off after step %i: stored once, counted once',
    async (steps) => {
      const { invite, providers } = await halfStored(steps === 4 ? 3 : steps);
      if (steps === 4) await claimedToo();
      // Until recovery, the half-stored response blocks a second one for the same invite.
      expect(await submitResponse(invite.token, validAnswers(providers))).toEqual({
        status: 'answered',
      });

      const recovered = await recoverResponses();
      expect(recovered).toEqual({ finished: 1, rebuiltCycles: 1 });
      expect(await isInviteAnswered(invite._id)).toBe(true);
      expect(await AnswerClaimModel.countDocuments()).toBe(3);
      expect(await ResponseModel.countDocuments()).toBe(3);
      expect(await ResponseModel.countDocuments({ submissionKey: { $exists: true } })).toBe(0);
      expect(await ResponseModel.countDocuments({ rolledUp: false })).toBe(0);
      const scale = (await rollupRows()).find((row) => row.questionId === 'q-scale');
      expect(scale).toMatchObject({ count: 3, sum: 10, histogram: { 2: 1, 3: 1, 5: 1 } });
      await expectRollupsEqualRebuild();
      expect(await submitResponse(invite.token, validAnswers(providers))).toEqual({
        status: 'answered',
      });
      expect(await recoverResponses()).toEqual({ finished: 0, rebuiltCycles: 0 });
    },
  );
});

describe('opening a link', () => {
  it('gives the same outcome for an unknown token and a malformed one', async () => {
    await makeAnsweringCycle();
    expect(await openInviteLink(newToken().token)).toEqual({ status: 'unknown' });
    expect(await openInviteLink('not a token!')).toEqual({ status: 'unknown' });
    expect(await openInviteLink('x'.repeat(5000))).toEqual({ status: 'unknown' });
    // A malformed token whose hash is stored is still not a link.
    const odd = 'short';
    await InviteModel.updateOne({}, { $set: { tokenHash: hashToken(odd) } });
    expect(await openInviteLink(odd)).toEqual({ status: 'unknown' });
  });

  it('opens with the questions asked, service questions once per provider, texts in the person’s language', async () => {
    const { invites, providers } = await makeAnsweringCycle();
    await InviteModel.updateOne({ _id: invites[0]?._id }, { $set: { language: 'nb' } });
    const outcome = await openInviteLink(invites[0]?.token ?? '');
    if (outcome.status !== 'open') throw new Error(outcome.status);
    expect(outcome.language).toBe('nb');
    expect(outcome.form.title).toBe('Ukentlig puls');
    // No Norwegian intro: the default language's.
    expect(outcome.form.intro).toBe('Two minutes, anonymous.');
    expect(outcome.form.questions.map((question) => question.key)).toEqual([
      'q-scale',
      ...providers.map((provider) => `q-nps.${String(provider._id)}`),
      'q-single',
      'q-multi',
      'q-text',
    ]);
    expect(outcome.form.questions[1]?.text).toBe(`Vil du anbefale ${providers[0]?.name}?`);
    expect(JSON.stringify(outcome)).not.toContain(String(invites[0]?._id));
  });

  it('looks the same whether or not it was answered, and says when a closed cycle’s next one opens', async () => {
    const { invites, providers, cycle } = await makeAnsweringCycle();
    const before = await openInviteLink(invites[0]?.token ?? '');
    await submitResponse(invites[0]?.token ?? '', validAnswers(providers));
    expect(await openInviteLink(invites[0]?.token ?? '')).toEqual(before);
    await CycleModel.updateOne({ _id: cycle._id }, { $set: { status: 'closed' } });
    const closed = await openInviteLink(invites[1]?.token ?? '');
    expect(closed).toMatchObject({ status: 'closed' });
    expect(closed.status === 'closed' && closed.nextOpensAt).toMatch(/^\d{4}-/);
    expect(await submitResponse(invites[1]?.token ?? '', validAnswers(providers))).toEqual({
      status: 'closed',
    });
    expect(await ResponseModel.countDocuments()).toBe(1);
  });
});
