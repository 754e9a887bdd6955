import type { Types } from 'mongoose';

import { ThanksModel } from '../../models/thanks.server';
import { getSettings } from '../settings/organisation.server';
import { releaseByDepartment } from '../thanks/batches.server';
import { addMonthsTo, lastSettledMonth, monthOf } from '../thanks/thanks-period';
import type { DemoContext } from './seed.server';

// The demo's thanks: six months of colleagues thanking the departments that served them — IT for
// the tills, the kitchen for the staff meal, HR for the payroll fix — most anonymously, some
// signed with a first name, a few to each department published on its board. Every receiving
// department gets enough anonymous thanks in the settled months for batches to be released, so
// the staff page, the insights counts (with some withheld) and the boards all show data; this
// month's wait, as real ones would. Idempotent: the step does nothing once any thanks exist.

interface Template {
  message: string;
  driver: string | null;
}

const templates: Record<string, Template[]> = {
  IT: [
    { message: 'The new tills were set up before the lunch rush. Thank you!', driver: 'Tools' },
    { message: 'You fixed the printer in the pass within ten minutes.', driver: 'Responsiveness' },
    { message: 'Thanks for explaining the booking system so patiently.', driver: 'Communication' },
    { message: 'The Wi-Fi on the terrace finally works. Guests noticed.', driver: 'Reliability' },
    { message: 'Quick help with my locked account on a Saturday.', driver: 'Responsiveness' },
    { message: 'The tablets for the floor staff make ordering so much faster.', driver: 'Tools' },
  ],
  Kitchen: [
    { message: 'The staff meal on Friday was the best of the year.', driver: 'Wellbeing' },
    {
      message: 'Thanks for the allergy cards, they saved us at table 12.',
      driver: 'Communication',
    },
    { message: 'You kept the tickets moving on a full Saturday. Respect.', driver: 'Reliability' },
    {
      message: 'The new tasting for the sales team made the client meeting.',
      driver: 'Competence',
    },
    { message: 'Thank you for the birthday cake for our team.', driver: null },
  ],
  HR: [
    { message: 'The payroll mistake was fixed the same day. Thank you.', driver: 'Responsiveness' },
    { message: 'Onboarding for our new waiters was clear and friendly.', driver: 'Communication' },
    { message: 'Thanks for listening when things were hard at home.', driver: 'Empathy' },
    { message: 'The course budget made my barista training possible.', driver: 'Growth' },
  ],
  Finance: [
    { message: 'Expenses paid back within a week, every time.', driver: 'Reliability' },
    { message: 'Thanks for the budget walk-through for new managers.', driver: 'Competence' },
    { message: 'Fast answer on the supplier invoice. Thanks!', driver: 'Responsiveness' },
  ],
  'Service floor': [
    { message: 'You covered our shift when half of us were ill.', driver: 'Reliability' },
    { message: 'Great feedback from guests about the new menu, thanks to you.', driver: null },
    { message: 'Thanks for walking the guests to the right room every time.', driver: 'Empathy' },
  ],
  'Customer service': [
    { message: 'You handled the angry booking with grace. Thank you.', driver: 'Empathy' },
    { message: 'Thanks for passing on the catering request so clearly.', driver: 'Communication' },
  ],
};

/** Who thanks whom: the departments each one is usually served by. */
const sendersOf: Record<string, string[]> = {
  IT: ['Service floor', 'Kitchen', 'Sales', 'Customer service', 'Finance'],
  Kitchen: ['Service floor', 'Sales', 'HR', 'Marketing'],
  HR: ['Kitchen', 'Service floor', 'IT', 'Customer service'],
  Finance: ['Sales', 'Operations', 'Marketing'],
  'Service floor': ['Kitchen', 'Customer service', 'Marketing'],
  'Customer service': ['Sales', 'Service floor'],
};

const firstNames = ['Marta', 'Jonas', 'Sofie', 'Olek', 'Ana Paula', 'Liene', 'Håkon', 'Dmytro'];

/** Anonymous thanks a month for each department: the big services get more. */
const perMonth: Record<string, [number, number]> = {
  IT: [4, 7],
  Kitchen: [3, 6],
  HR: [2, 5],
  Finance: [1, 3],
  'Service floor': [2, 4],
  'Customer service': [1, 3],
};

const monthsBack = 6;

export async function seedThanks(context: DemoContext, now = new Date()): Promise<void> {
  if ((await ThanksModel.estimatedDocumentCount()) > 0) return;
  const { anonymityThreshold, timeZone } = await getSettings();
  const { random, departmentIds } = context;
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const between = ([low, high]: [number, number]) => low + Math.floor(random() * (high - low + 1));
  const current = monthOf(now, timeZone);
  const settled = lastSettledMonth(now, timeZone);
  const id = (name: string): Types.ObjectId => {
    const found = departmentIds.get(name);
    if (!found) throw new Error(`The demo department ${name} was not seeded`);
    return found;
  };

  const documents: {
    toDepartmentId: Types.ObjectId;
    message: string;
    driver: string | null;
    month: string;
    senderName: string | null;
    fromDepartmentId: Types.ObjectId | null;
  }[] = [];
  for (let back = monthsBack; back >= 0; back--) {
    const month = addMonthsTo(current, -back);
    for (const [department, range] of Object.entries(perMonth)) {
      const anonymous = between(range);
      for (let index = 0; index < anonymous; index++) {
        const template = pick(templates[department] ?? []);
        documents.push({
          toDepartmentId: id(department),
          ...template,
          month,
          senderName: null,
          fromDepartmentId: null,
        });
      }
      if (random() < 0.6) {
        const template = pick(templates[department] ?? []);
        documents.push({
          toDepartmentId: id(department),
          ...template,
          month,
          senderName: pick(firstNames),
          fromDepartmentId: id(pick(sendersOf[department] ?? [])),
        });
      }
    }
  }

  // Publish a few readable ones per department, as its leader would: signed thanks, and
  // anonymous ones whose batch is out.
  const counts = new Map<string, number>();
  for (const thanks of documents) {
    if (thanks.senderName !== null || thanks.month > settled) continue;
    const key = `${String(thanks.toDepartmentId)}|${thanks.month}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const released = releaseByDepartment(
    [...counts].map(([key, count]) => {
      const [to = '', month = ''] = key.split('|');
      return { _id: { to, month }, count };
    }),
    anonymityThreshold,
  );
  const publishedPer = new Map<string, number>();
  const stored = documents.map((thanks, index) => {
    const to = String(thanks.toDepartmentId);
    const readable =
      thanks.senderName !== null ||
      (thanks.month <= settled && released.get(to)?.has(thanks.month) === true);
    const already = publishedPer.get(to) ?? 0;
    const publish = readable && already < 4 && random() < 0.35;
    if (publish) publishedPer.set(to, already + 1);
    return {
      ...thanks,
      published: publish,
      // Spread over the past weeks: the order the leader published them in.
      publishedAt: publish
        ? new Date(now.getTime() - (documents.length - index) * 3_600_000)
        : null,
    };
  });
  // Random ids (the model's default) and a shuffled insert: the demo keeps no order either.
  const order = stored.map((thanks) => ({ thanks, key: random() }));
  order.sort((a, b) => a.key - b.key);
  await ThanksModel.insertMany(order.map(({ thanks }) => thanks));
}
