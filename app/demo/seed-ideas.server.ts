import { randomBytes } from 'node:crypto';

import { ActionModel } from '../../models/action.server';
import { IdeaModel } from '../../models/idea.server';
import { PersonModel } from '../../models/person.server';
import type { IdeaKind, IdeaStatus } from '../../models/vocabulary';
import { newReceiptCode } from '../answering/receipt.server';
import { weekOf } from '../ideas/weeks';
import { addDays, localDate } from '../surveys/local-time';
import type { DemoContext } from './seed.server';

// Ideas sent to three demo departments, already released in batches (each at least the demo's
// threshold of 5), in every state: new, replied to, planned, done, not doing with a reason, and
// one turned into a published action. Two more wait in this week for IT's next batch, so the
// held state exists too (leaders see nothing of them). Nobody holds the demo ideas' receipt
// codes: they are made and forgotten.

interface DemoIdea {
  kind: IdeaKind;
  text: string;
  status?: IdeaStatus;
  reason?: string;
  reply?: { by: string; text: string };
  action?: { title: string; description: string; owner: string; dueInDays: number };
}

const dayMs = 24 * 60 * 60 * 1000;

const demoIdeas: Record<string, { weeksAgo: number; ideas: DemoIdea[] }> = {
  IT: {
    weeksAgo: 3,
    ideas: [
      {
        kind: 'idea',
        text: 'Put a printer on the kitchen floor. We walk to the office three times a shift to print prep lists.',
        status: 'done',
        reply: {
          by: 'Oksana Melnyk',
          text: 'A printer is installed by the pass since Monday. Thank you!',
        },
      },
      {
        kind: 'concern',
        text: 'The till on the terrace freezes when it rains and card payments fail. Guests leave without paying.',
        status: 'planned',
        reply: {
          by: 'Oksana Melnyk',
          text: 'We have ordered a weatherproof terminal; it arrives in two weeks.',
        },
        action: {
          title: 'Weatherproof card terminal for the terrace',
          description:
            'Replace the terrace till with a sealed terminal and move the router indoors.',
          owner: 'Oksana Melnyk',
          dueInDays: 14,
        },
      },
      {
        kind: 'idea',
        text: 'Let us reset our own passwords from the phone instead of calling the helpdesk at night.',
        status: 'planned',
      },
      {
        kind: 'idea',
        text: 'Give every shift leader a tablet with the booking system, so we stop shouting across the floor.',
        status: 'not-doing',
        reason:
          'The booking system gets a phone app next spring; tablets now would be replaced within months.',
      },
      {
        kind: 'concern',
        text: 'Wi-Fi in the staff room drops all the time, so we cannot check the rota on breaks.',
      },
      {
        kind: 'idea',
        text: 'A short video on how to use the new ordering screens would help new people a lot.',
        reply: { by: 'Oksana Melnyk', text: 'Good idea. Which screens are hardest to learn?' },
      },
    ],
  },
  Kitchen: {
    weeksAgo: 2,
    ideas: [
      {
        kind: 'idea',
        text: 'Write allergen codes on the prep labels, so the floor can answer guests without asking us.',
        status: 'planned',
        reply: {
          by: 'Tomasz Kowalczyk',
          text: 'New labels are being printed; we start next month.',
        },
      },
      {
        kind: 'concern',
        text: 'The walk-in freezer door does not close by itself. Food is at risk on busy evenings.',
        status: 'done',
      },
      {
        kind: 'idea',
        text: 'Swap Sunday and Monday deep cleans: Sunday evenings are too busy to do it well.',
      },
      {
        kind: 'idea',
        text: 'Share leftover bread with the staff lunch instead of throwing it away.',
        status: 'done',
        reply: { by: 'Tomasz Kowalczyk', text: 'Done from this week. Enjoy!' },
      },
      {
        kind: 'concern',
        text: 'New starters get no knife training before their first shift.',
      },
    ],
  },
  Sales: {
    weeksAgo: 5,
    ideas: [
      {
        kind: 'idea',
        text: 'A shared calendar of events at each restaurant would stop us double-booking private rooms.',
        status: 'planned',
        reply: {
          by: 'James Whitfield',
          text: 'We will trial one calendar for all venues from next month.',
        },
      },
      {
        kind: 'concern',
        text: 'Discounts promised to big customers are not written down anywhere, and the floor does not know them.',
      },
      {
        kind: 'idea',
        text: 'Bring a chef to client tastings; guests ask questions we cannot answer.',
        status: 'not-doing',
        reason:
          'Chefs cannot leave service at those hours; we will film a short chef introduction instead.',
      },
      { kind: 'idea', text: 'Print menus with QR codes that open the booking page directly.' },
      { kind: 'idea', text: 'Send corporate customers a thank-you card after big events.' },
    ],
  },
};

const heldForIt = [
  'Please label the cables behind the bar, so anyone can restart the music system.',
  'Could the rota app remind us of shift swaps the day before?',
];

/** Seeds the demo ideas once: found again by department and text, so a second run adds nothing. */
export async function seedIdeas(context: DemoContext, now = new Date()): Promise<void> {
  const staff = new Map(
    (await PersonModel.find({ 'leaderOf.0': { $exists: true } }, { name: 1 }).lean()).map(
      (person) => [person.name, person],
    ),
  );
  const today = localDate(now, 'Europe/Oslo');
  for (const [departmentName, { weeksAgo, ideas }] of Object.entries(demoIdeas)) {
    const departmentId = context.departmentIds.get(departmentName);
    if (!departmentId) throw new Error(`The demo has no department ${departmentName}`);
    const batch = weekOf(new Date(now.getTime() - weeksAgo * 7 * dayMs));
    const decidedOn = addDays(today, -7 * weeksAgo + 9);
    for (const demo of ideas) {
      if (await IdeaModel.exists({ departmentId, text: demo.text })) continue;
      const replier = demo.reply ? staff.get(demo.reply.by) : undefined;
      const id = randomBytes(16).toString('hex');
      let actionId = null;
      if (demo.action) {
        const owner = staff.get(demo.action.owner);
        if (!owner) throw new Error(`The demo has no leader ${demo.action.owner}`);
        const created = new Date(now.getTime() - (7 * weeksAgo - 8) * dayMs);
        const action = await ActionModel.create({
          title: demo.action.title,
          description: demo.action.description,
          source: {
            surveyId: null,
            cycleId: null,
            metric: 'idea',
            ideaId: id,
            departmentId,
            label: `${demo.kind === 'concern' ? 'Concern' : 'Idea'} · ${departmentName}`,
          },
          ownerId: owner._id,
          dueOn: addDays(today, demo.action.dueInDays),
          status: 'in-progress',
          published: true,
          language: 'en',
          createdById: owner._id,
          timeline: [
            { at: created, byId: owner._id, byName: owner.name, kind: 'created', to: 'open' },
            {
              at: new Date(created.getTime() + 2 * dayMs),
              byId: owner._id,
              byName: owner.name,
              kind: 'status',
              from: 'open',
              to: 'in-progress',
              note: 'The terminal is ordered.',
            },
          ],
        });
        actionId = action._id;
      }
      const status = demo.status ?? 'new';
      await IdeaModel.create({
        _id: id,
        departmentId,
        kind: demo.kind,
        text: demo.text,
        receiptHash: newReceiptCode().hash,
        arrivedIn: null,
        batch,
        status,
        reason: demo.reason ?? null,
        statusOn: status === 'new' ? null : decidedOn,
        replies:
          demo.reply && replier
            ? [
                {
                  text: demo.reply.text,
                  authorId: replier._id,
                  authorName: replier.name,
                  day: decidedOn,
                },
              ]
            : [],
        actionId,
      });
    }
  }
  const it = context.departmentIds.get('IT');
  for (const text of heldForIt) {
    if (!it || (await IdeaModel.exists({ departmentId: it, text }))) continue;
    await IdeaModel.create({
      _id: randomBytes(16).toString('hex'),
      departmentId: it,
      kind: 'idea',
      text,
      receiptHash: newReceiptCode().hash,
      arrivedIn: weekOf(now),
    });
  }
}
