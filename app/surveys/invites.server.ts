import { isValidObjectId, type Types } from 'mongoose';

import { type Cycle, CycleModel } from '../../models/cycle.server';
import { DepartmentModel } from '../../models/department.server';
import { InviteModel } from '../../models/invite.server';
import { PersonModel } from '../../models/person.server';
import type { Survey } from '../../models/survey.server';
import type { LanguageCode } from '../../models/vocabulary';
import { estimatedMinutes } from '../answering/answering-time';
import { askedQuestions } from '../answering/asked-questions';
import { boardKeysOf } from '../board/board-keys.server';
import { boardLink } from '../board/board-path';
import type { Logger } from '../utils/log.server';
import type { Mail } from '../utils/mail.server';
import { writeErrorsOf } from '../utils/write-errors.server';
import { type AudienceMember, audiencePeople } from './audience.server';
import { inviteMail } from './invite-mail';
import type { SurveyDefinition } from './survey-schema';
import { definitionOf } from './surveys.server';
import { newToken } from './tokens.server';

/** How invitations leave: sendMail in the app, a recorder in tests. */
export interface Delivery {
  send(mail: Mail): Promise<unknown>;
  /** The start of every link, e.g. https://innerloop.example.com. */
  appUrl: string;
  logger?: Logger;
}

/** A delivery claimed this long ago and still not done is taken to have died; another retries. */
const deliveryRetryAfterMs = 10 * 60 * 1000;

export const inviteLink = (appUrl: string, token: string) => `${appUrl}/a/${token}`;

type Recipient = Pick<AudienceMember, 'name' | 'email' | 'language'>;

interface DeliveryContext {
  definition: SurveyDefinition;
  cycle: Pick<Cycle, 'closesAt' | 'questionIds' | 'providerDepartmentIds'>;
  delivery: Delivery;
  /** Board key per department id: each mail links its reader's "You said, we did" board. */
  boards: Map<string, string>;
}

async function deliver(
  kind: 'invite' | 'reminder',
  recipient: Recipient,
  departmentId: Types.ObjectId,
  token: string,
  context: DeliveryContext,
): Promise<boolean> {
  const { definition, cycle, delivery, boards } = context;
  const mail = inviteMail({
    kind,
    language: recipient.language,
    name: recipient.name,
    title: definition.title,
    defaultLanguage: definition.defaultLanguage,
    link: inviteLink(delivery.appUrl, token),
    boardLink: boardLink(delivery.appUrl, boards.get(String(departmentId))),
    closesAt: cycle.closesAt,
    timeZone: definition.schedule.timeZone,
    length: lengthOf(definition, cycle),
  });
  try {
    await delivery.send({ to: recipient.email, ...mail, kind });
    return true;
  } catch {
    // The error may quote the message or its recipient; the caller logs a count instead.
    return false;
  }
}

/** The length the mail states: what this cycle asks, each service question once per provider. */
function lengthOf(definition: SurveyDefinition, cycle: DeliveryContext['cycle']) {
  const asked = askedQuestions(definition.questions, {
    questionIds: cycle.questionIds,
    providerDepartmentIds: cycle.providerDepartmentIds.map(String),
  });
  return {
    minutes: estimatedMinutes(asked.map((slot) => slot.question.type)),
    questions: asked.length,
  };
}

/** Inserts what it can; says for each document whether this call inserted it. */
async function insertEach(documents: object[]): Promise<boolean[]> {
  if (documents.length === 0) return [];
  try {
    await InviteModel.bulkWrite(
      documents.map((document) => ({ insertOne: { document } })),
      { ordered: false },
    );
    return documents.map(() => true);
  } catch (error) {
    const writeErrors = writeErrorsOf(error);
    if (!writeErrors || writeErrors.some((problem) => problem.code !== 11000)) throw error;
    // Duplicates were inserted by another scheduler a moment ago: theirs to deliver.
    const lost = new Set(writeErrors.map((problem) => problem.index));
    return documents.map((_, index) => !lost.has(index));
  }
}

/**
 * Invites every active person in the survey's audience who has no invite to this open cycle
 * yet (at opening, and anyone who joins while it is open), and e-mails each one link. Racing
 * schedulers both try to insert; the unique {cycleId, personId} index keeps one invite per
 * person, and only the scheduler that inserted it knows its token, so only it sends the e-mail.
 */
export async function inviteAudience(
  cycle: Cycle,
  survey: Survey,
  now: Date,
  delivery: Delivery,
): Promise<number> {
  const definition = definitionOf(survey);
  const [people, existing] = await Promise.all([
    audiencePeople(definition.audience),
    InviteModel.find({ cycleId: cycle._id }, { personId: 1 }).lean(),
  ]);
  const invited = new Set(existing.map((invite) => String(invite.personId)));
  const missing = people.filter((person) => !invited.has(String(person._id)));
  const tokens = missing.map(() => newToken());
  const inserted = await insertEach(
    missing.map((person, index) => ({
      cycleId: cycle._id,
      surveyId: survey._id,
      personId: person._id,
      departmentId: person.departmentId,
      language: person.language,
      tokenHash: tokens[index].hash,
      deliveryClaimedAt: now,
    })),
  );

  await countInvited(
    cycle,
    missing.filter((_, index) => inserted[index]).map((person) => person.departmentId),
    existing.length === 0,
  );

  const boards = await boardKeysOf(missing.map((person) => person.departmentId));
  let sent = 0;
  let failed = 0;
  for (const [index, person] of missing.entries()) {
    if (!inserted[index]) continue;
    const token = tokens[index].token;
    const context = { definition, cycle, delivery, boards };
    if (await deliver('invite', person, person.departmentId, token, context)) {
      await InviteModel.updateOne(
        { tokenHash: tokens[index].hash },
        { $set: { deliveredAt: now } },
      );
      sent++;
    } else {
      failed++;
    }
  }
  if (failed > 0) {
    delivery.logger?.warn(
      `Could not deliver ${failed} invitation(s) for cycle ${cycle.number} of survey ${String(survey._id)}; retrying later`,
    );
  }
  return sent;
}

/**
 * Adds this call's new invites to the cycle's per-department counts (participation reads them).
 * A cycle that had invites before the counts existed is left without them, so participation
 * counts its invites instead of trusting a partial tally.
 */
async function countInvited(
  cycle: Cycle,
  departmentIds: Types.ObjectId[],
  firstInvites: boolean,
): Promise<void> {
  const increments: Record<string, number> = {};
  for (const id of departmentIds) {
    const field = `invitedByDepartment.${String(id)}`;
    increments[field] = (increments[field] ?? 0) + 1;
  }
  if (Object.keys(increments).length === 0) return;
  const filter = firstInvites
    ? { _id: cycle._id }
    : { _id: cycle._id, invitedByDepartment: { $exists: true } };
  await CycleModel.updateOne(filter, { $inc: increments });
}

/**
 * Re-sends invitations whose delivery was claimed long ago and never finished (the mail server
 * was down, or the app stopped half-way). The lost token cannot be recovered, so a new one is
 * issued; the claim is conditional, so two schedulers never both send.
 */
export async function retryDeliveries(
  cycle: Cycle,
  survey: Survey,
  now: Date,
  delivery: Delivery,
): Promise<number> {
  const stale = await InviteModel.find({
    cycleId: cycle._id,
    delivery: 'email',
    deliveredAt: null,
    deliveryClaimedAt: { $lte: new Date(now.getTime() - deliveryRetryAfterMs) },
  }).lean();
  if (stale.length === 0) return 0;
  const definition = definitionOf(survey);
  const people = await recipients(stale.map((invite) => invite.personId));
  const boards = await boardKeysOf(stale.map((invite) => invite.departmentId));
  let sent = 0;
  for (const invite of stale) {
    const person = people.get(String(invite.personId));
    if (!person) continue;
    const { token, hash } = newToken();
    const claim = await InviteModel.updateOne(
      { _id: invite._id, deliveredAt: null, deliveryClaimedAt: invite.deliveryClaimedAt },
      { $set: { tokenHash: hash, deliveryClaimedAt: now } },
    );
    if (claim.modifiedCount !== 1) continue;
    const context = { definition, cycle, delivery, boards };
    if (await deliver('invite', person, invite.departmentId, token, context)) {
      await InviteModel.updateOne({ _id: invite._id }, { $set: { deliveredAt: now } });
      sent++;
    }
  }
  return sent;
}

/**
 * The one reminder of a cycle, once its reminder time has come: to everyone invited by e-mail
 * before that time, whether or not they answered. Who answered is known only to their own
 * browser (app/answering/link-owner.server.ts); reminding only the others would tell whoever
 * reads the sent mail (an outbox, a mail server's log) exactly who answered. The reminder says
 * so, and carries a second link (the first stays valid; an answered invite takes no second
 * answer). Each invite is claimed by a conditional update first, so racing schedulers remind
 * each person once; a reminder lost in a crash is not repeated (better one too few than two).
 */
export async function remindCycle(
  cycle: Cycle,
  survey: Survey,
  now: Date,
  delivery: Delivery,
): Promise<number> {
  const remindAt = cycle.remindAt;
  if (!remindAt || remindAt > now || cycle.closesAt <= now) return 0;
  // Marks when the reminder round began, for the cycle page.
  await CycleModel.updateOne({ _id: cycle._id, remindersAt: null }, { $set: { remindersAt: now } });
  const due = await InviteModel.find(
    {
      cycleId: cycle._id,
      delivery: 'email',
      remindedAt: null,
      // Someone invited after the reminder time has just had their invitation: no reminder.
      deliveredAt: { $ne: null, $lt: remindAt },
    },
    { personId: 1, departmentId: 1 },
  ).lean();
  if (due.length === 0) return 0;
  const definition = definitionOf(survey);
  const people = await recipients(due.map((invite) => invite.personId));
  const boards = await boardKeysOf(due.map((invite) => invite.departmentId));
  let sent = 0;
  for (const invite of due) {
    const person = people.get(String(invite.personId));
    if (!person) continue;
    const { token, hash } = newToken();
    const claim = await InviteModel.updateOne(
      { _id: invite._id, remindedAt: null },
      { $set: { remindedAt: now, reminderTokenHash: hash } },
    );
    if (claim.modifiedCount !== 1) continue;
    const context = { definition, cycle, delivery, boards };
    if (await deliver('reminder', person, invite.departmentId, token, context)) sent++;
  }
  return sent;
}

async function recipients(personIds: Types.ObjectId[]): Promise<Map<string, Recipient>> {
  const people = await PersonModel.find(
    { _id: { $in: personIds }, active: true },
    { name: 1, email: 1, language: 1 },
  ).lean();
  return new Map(people.map((person) => [String(person._id), person]));
}

export interface PrintableLink {
  name: string;
  department: string;
  language: LanguageCode;
  link: string;
}

/**
 * New links for every invite of an open cycle (in the chosen departments), to print or hand out
 * instead of e-mail (a kitchen without desks, people without a work address). Answered or not:
 * a list of only those who have not answered would tell HR who has, and an answered invite takes
 * no second answer anyway. Tokens are stored only as hashes, so links cannot be read back: they
 * are made anew, and each person's earlier links (e-mail and reminder) stop working. These
 * invites get no e-mail reminder afterwards. Null when the cycle is not open.
 */
export async function printableLinks(
  cycle: Pick<Cycle, '_id' | 'status'>,
  departmentIds: string[] | 'all',
  now: Date,
  appUrl: string,
): Promise<PrintableLink[] | null> {
  if (cycle.status !== 'open') return null;
  const filter: Record<string, unknown> = { cycleId: cycle._id };
  if (departmentIds !== 'all') {
    filter.departmentId = { $in: departmentIds.filter((id) => isValidObjectId(id)) };
  }
  const invites = await InviteModel.find(filter, {
    personId: 1,
    departmentId: 1,
    language: 1,
  }).lean();
  const [people, departments] = await Promise.all([
    PersonModel.find(
      { _id: { $in: invites.map((invite) => invite.personId) } },
      { name: 1 },
    ).lean(),
    DepartmentModel.find(
      { _id: { $in: invites.map((invite) => invite.departmentId) } },
      { name: 1 },
    ).lean(),
  ]);
  const nameOf = new Map(people.map((person) => [String(person._id), person.name]));
  const departmentOf = new Map(
    departments.map((department) => [String(department._id), department.name]),
  );
  const links: PrintableLink[] = [];
  for (const invite of invites) {
    const { token, hash } = newToken();
    const result = await InviteModel.updateOne(
      { _id: invite._id },
      {
        $set: {
          tokenHash: hash,
          reminderTokenHash: null,
          delivery: 'printed',
          deliveredAt: now,
          deliveryClaimedAt: now,
        },
      },
    );
    if (result.modifiedCount !== 1) continue;
    links.push({
      name: nameOf.get(String(invite.personId)) ?? 'Unknown person',
      department: departmentOf.get(String(invite.departmentId)) ?? 'Unknown department',
      language: invite.language,
      link: inviteLink(appUrl, token),
    });
  }
  return links.sort(
    (a, b) => a.department.localeCompare(b.department) || a.name.localeCompare(b.name),
  );
}
