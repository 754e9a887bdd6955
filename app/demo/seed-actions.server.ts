import type { Types } from 'mongoose';

import { ActionModel } from '../../models/action.server';
import { type Cycle, CycleModel } from '../../models/cycle.server';
import { PersonModel } from '../../models/person.server';
import { type Rollup, RollupModel } from '../../models/rollup.server';
import { type Survey, SurveyModel } from '../../models/survey.server';
import type { ActionStatus, MetricKind, TimelineKind } from '../../models/vocabulary';
import { respondentsQuestionId } from '../answering/rollups.server';
import { measureOf, questionTypeOf } from '../question-types/registry';
import { localDate } from '../surveys/local-time';
import type { Question } from '../surveys/survey-schema';
import { definitionOf } from '../surveys/surveys.server';
import type { DemoContext } from './seed.server';

// The demo's action items: fourteen actions raised from the two surveys' results, in every state
// — open, in progress, done, and reopened once — owned by the demo's leaders and HR admin, due
// around today, some published to employees. The done ones answer results that then improved
// (the kitchen, IT as a service), so the trend charts show their markers before the scores move.
// Baselines come from the same rollups the dashboards read, and are null where the group was
// withheld. Idempotent: each action is found again by its title and inserted only once.

/** The demo's HR admin and leaders (see demoStaff), who raise, own and update the actions. */
type StaffName = 'Ingrid Solberg' | 'Tomasz Kowalczyk' | 'Oksana Melnyk' | 'James Whitfield';
type DemoSurveyKey = 'weekly' | 'monthly';

const templateOf: Record<DemoSurveyKey, string> = {
  weekly: 'internal-service-quality',
  monthly: 'recognition-and-voice',
};

const dayMs = 86_400_000;

/** A cycle's moments, for placing an action's events in the demo's calendar. */
interface CycleMoments {
  /** Some days after the cycle closed (fractions allowed). */
  after: (days: number) => Date;
  /** A point within the cycle's window: 0 when it opens, 1 when it closes. */
  during: (fraction: number) => Date;
}

interface Calendar {
  weekly: (number: number) => CycleMoments;
  monthly: (number: number) => CycleMoments;
  /** Some days before now. */
  ago: (days: number) => Date;
  /** Some days after now (before, when negative). */
  fromNow: (days: number) => Date;
}

interface DemoEvent {
  at: Date;
  by: StaffName;
  kind: Exclude<TimelineKind, 'created' | 'edited' | 'owner'>;
  /** For a status change: the new status. */
  to?: ActionStatus;
  note?: string;
}

interface DemoAction {
  title: string;
  description: string;
  survey: DemoSurveyKey;
  /** The source cycle's number; `preferWithheld` looks for one where the group was withheld. */
  cycle: number;
  preferWithheld?: true;
  /** eNPS is not among them: the demo's engagement pulse has no eNPS question. */
  metric: Exclude<MetricKind, 'enps'>;
  questionId?: string;
  driver?: string;
  /** The answering department; null for the whole company. */
  department: string | null;
  provider?: string;
  owner: StaffName;
  createdBy: StaffName;
  /** When it was raised, its due date and what happened since, in order. */
  plan: (
    calendar: Calendar,
    source: CycleMoments,
  ) => { created: Date; due: Date; events: DemoEvent[] };
}

const tomasz: StaffName = 'Tomasz Kowalczyk';
const oksana: StaffName = 'Oksana Melnyk';
const james: StaffName = 'James Whitfield';
const ingrid: StaffName = 'Ingrid Solberg';

const status = (at: Date, by: StaffName, to: ActionStatus, note?: string): DemoEvent => ({
  at,
  by,
  kind: 'status',
  to,
  note,
});
const update = (at: Date, by: StaffName, note: string): DemoEvent => ({
  at,
  by,
  kind: 'update',
  note,
});
const published = (at: Date, by: StaffName): DemoEvent => ({ at, by, kind: 'published' });

const demoActions: DemoAction[] = [
  {
    title: 'Fairer rota and fixed breaks in the kitchen',
    description:
      'Kitchen staff told us shifts were published too late and breaks were skipped on busy nights. Publish the rota three weeks ahead and give every shift two fixed breaks.',
    survey: 'monthly',
    cycle: 2,
    metric: 'score',
    department: 'Kitchen',
    owner: tomasz,
    createdBy: tomasz,
    plan: ({ monthly }, source) => ({
      created: source.after(2),
      due: monthly(5).after(5),
      events: [
        published(source.after(3), tomasz),
        status(
          source.after(6),
          tomasz,
          'in-progress',
          'Rota draft shared with the kitchen team for comments.',
        ),
        update(
          monthly(3).after(5),
          tomasz,
          'New rota live: shifts published three weeks ahead, breaks fixed at 15:00 and 21:30.',
        ),
        update(
          monthly(4).after(4),
          tomasz,
          'Swapped two split shifts after feedback from the pastry section.',
        ),
        status(
          monthly(5).during(0.5),
          tomasz,
          'done',
          'Rota and breaks have held for two months; they are now the standard.',
        ),
      ],
    }),
  },
  {
    title: 'Shout-outs at the weekly kitchen briefing',
    description:
      'Few in the kitchen feel their achievements are noticed. Start each Monday briefing with named thank-yous, chosen by the team as well as by the head chef.',
    survey: 'monthly',
    cycle: 3,
    metric: 'driver',
    driver: 'Recognition',
    department: 'Kitchen',
    owner: tomasz,
    createdBy: ingrid,
    plan: ({ monthly }, source) => ({
      created: source.after(1),
      due: monthly(6).after(3),
      events: [
        status(
          source.after(4),
          tomasz,
          'in-progress',
          'The head chef opens every Monday briefing with two named thank-yous.',
        ),
        update(
          monthly(4).after(2),
          tomasz,
          'Added a "dish of the week" board naming the cooks who created it.',
        ),
        published(monthly(4).after(3), tomasz),
        status(
          monthly(6).during(0.4),
          tomasz,
          'done',
          'Part of every briefing now; the team picks the shout-outs themselves.',
        ),
      ],
    }),
  },
  {
    title: 'Same-day fixes for the kitchen tablets and order printers',
    description:
      'The kitchen rates IT low: broken tablets and printers stop service and tickets wait for days. Kitchen tickets get same-day attention and a spare tablet stays on site.',
    survey: 'weekly',
    cycle: 2,
    metric: 'service',
    department: 'Kitchen',
    provider: 'IT',
    owner: oksana,
    createdBy: tomasz,
    plan: ({ weekly }, source) => ({
      created: source.after(1),
      due: weekly(8).after(2),
      events: [
        status(
          source.after(2),
          oksana,
          'in-progress',
          'Spare tablet kept in the kitchen office; kitchen tickets are flagged as urgent.',
        ),
        update(weekly(3).after(1), oksana, 'Replaced the two tablets with failing batteries.'),
        status(
          weekly(4).during(0.5),
          oksana,
          'done',
          'Kitchen tickets answered the same day for three weeks running.',
        ),
        published(weekly(4).during(0.6), oksana),
        status(
          weekly(5).after(1),
          tomasz,
          'open',
          'The order printers dropped off the network again on two Friday evenings.',
        ),
        status(
          weekly(5).after(2),
          oksana,
          'in-progress',
          'Moved the printers to their own wireless access point; watching them closely.',
        ),
        update(weekly(6).after(2), oksana, 'No drop-outs for two weekends.'),
        status(
          weekly(8).during(0.5),
          oksana,
          'done',
          'Stable for four weeks, and IT is on call on Friday evenings during service.',
        ),
      ],
    }),
  },
  {
    title: 'First answer to every IT ticket within one working day',
    description:
      'Across the company, people say IT is slow to respond. Every new ticket gets a first answer — a fix, a question or a date — within one working day.',
    survey: 'weekly',
    cycle: 3,
    metric: 'question',
    questionId: 'isq-responsiveness',
    department: null,
    provider: 'IT',
    owner: oksana,
    createdBy: ingrid,
    plan: ({ weekly }, source) => ({
      created: source.after(1),
      due: weekly(7).after(1),
      events: [
        published(source.after(1.2), ingrid),
        status(
          source.after(2),
          oksana,
          'in-progress',
          'Set up a shared ticket queue with a first-answer timer.',
        ),
        update(
          weekly(4).after(2),
          oksana,
          'Helpdesk rota: one person answers new tickets first thing every morning.',
        ),
        update(
          weekly(6).after(1),
          oksana,
          'First answer within one working day for 94% of tickets over the last two weeks.',
        ),
        status(
          weekly(7).during(0.5),
          oksana,
          'done',
          'Target met for four weeks; the timer stays on the helpdesk screen.',
        ),
      ],
    }),
  },
  {
    title: 'Pre-shift huddle between the kitchen and the floor',
    description:
      'Waiters hear about specials and allergens too late. A ten-minute huddle before each evening service, run together by the sous-chef and the floor manager.',
    survey: 'monthly',
    cycle: 4,
    metric: 'driver',
    driver: 'Communication',
    department: 'Service floor',
    owner: tomasz,
    createdBy: tomasz,
    plan: ({ monthly }, source) => ({
      created: source.after(2),
      due: monthly(8).after(2),
      events: [
        status(
          source.after(5),
          tomasz,
          'in-progress',
          'Huddle at 16:30: specials, allergens and expected covers.',
        ),
        published(monthly(5).after(1), tomasz),
        update(
          monthly(6).after(3),
          tomasz,
          'Moved the huddle to 16:15 so new waiters can taste the specials.',
        ),
        status(
          monthly(8).during(0.5),
          tomasz,
          'done',
          'The huddle is on the opening checklist of every restaurant.',
        ),
      ],
    }),
  },
  {
    title: 'Protected focus time for the IT team',
    description:
      'The IT team feels constantly interrupted. Two mornings a week without meetings, with the helpdesk covered in turn.',
    survey: 'monthly',
    cycle: 3,
    metric: 'score',
    department: 'IT',
    owner: oksana,
    createdBy: oksana,
    plan: ({ monthly }, source) => ({
      created: source.after(3),
      due: monthly(7).after(1),
      events: [
        status(
          source.after(8),
          oksana,
          'in-progress',
          'Tuesday and Thursday mornings are meeting-free; a rota covers the helpdesk.',
        ),
        update(
          monthly(5).after(2),
          oksana,
          'Project work moved to the focus mornings; helpdesk rota adjusted.',
        ),
        status(
          monthly(7).during(0.5),
          oksana,
          'done',
          'Running for three months and the team wants to keep it.',
        ),
      ],
    }),
  },
  {
    title: 'Payslips on time, and payroll questions answered within two days',
    description:
      'Customer service rates HR low on reliability: payslips arrive late and payroll questions go unanswered. Bring the payroll cut-off forward and answer every question within two working days.',
    survey: 'weekly',
    cycle: 6,
    metric: 'service',
    department: 'Customer service',
    provider: 'HR',
    owner: ingrid,
    createdBy: ingrid,
    plan: ({ weekly, fromNow }, source) => ({
      created: source.after(1),
      due: fromNow(2),
      events: [
        published(source.after(1.2), ingrid),
        status(
          source.after(2),
          ingrid,
          'in-progress',
          'Payroll cut-off moved two days earlier; questions go to one shared HR inbox.',
        ),
        status(
          weekly(9).during(0.5),
          ingrid,
          'done',
          'Payslips out on the 25th two months in a row; the inbox is answered within two days.',
        ),
        status(
          weekly(10).after(1),
          ingrid,
          'open',
          'Payslips were three days late this month after the bank holiday.',
        ),
        status(
          weekly(10).after(2),
          ingrid,
          'in-progress',
          'Bank holidays added to the payroll calendar; checking it with Finance.',
        ),
        update(
          weekly(12).after(1),
          ingrid,
          'Agreed a backup payroll run with Finance for months with bank holidays.',
        ),
      ],
    }),
  },
  {
    title: 'Monthly one-to-ones for every salesperson',
    description:
      'Sales morale has slipped for several months. Every salesperson gets a monthly one-to-one with their team lead about workload, targets and growth.',
    survey: 'monthly',
    cycle: 9,
    metric: 'score',
    department: 'Sales',
    owner: james,
    createdBy: james,
    plan: ({ monthly, fromNow }, source) => ({
      created: source.after(2),
      due: fromNow(-5),
      events: [
        status(
          monthly(10).during(0.3),
          james,
          'in-progress',
          'First round booked; two team leads still have to schedule theirs.',
        ),
        update(
          monthly(11).after(3),
          james,
          'Half of the team has had a one-to-one; the rest are booked.',
        ),
      ],
    }),
  },
  {
    title: 'Reply to every idea in the suggestion box within two weeks',
    description:
      'Across the company, people rarely hear back about the ideas and concerns they raise. Every idea gets an owner and a written reply within two weeks, even when the answer is no.',
    survey: 'monthly',
    cycle: 10,
    metric: 'question',
    questionId: 'rv-follow-up',
    department: null,
    owner: ingrid,
    createdBy: ingrid,
    plan: ({ monthly, fromNow }, source) => ({
      created: source.after(2),
      due: fromNow(21),
      events: [
        published(source.after(3), ingrid),
        status(
          source.after(9),
          ingrid,
          'in-progress',
          'Each idea now has an owner and a reply date on the HR board.',
        ),
        update(
          monthly(12).after(2),
          ingrid,
          '31 of 38 ideas answered; the rest wait for the budget meeting.',
        ),
      ],
    }),
  },
  {
    title: 'Recognise account wins beyond the top seller',
    description:
      'Sales feels recognition goes only to the biggest deals. Celebrate team wins, renewals and help given to colleagues at the monthly sales meeting.',
    survey: 'monthly',
    cycle: 11,
    metric: 'driver',
    driver: 'Recognition',
    department: 'Sales',
    owner: james,
    createdBy: james,
    plan: ({ monthly, fromNow }, source) => ({
      created: source.after(4),
      due: fromNow(3),
      events: [
        update(
          monthly(12).after(1),
          james,
          'Collecting examples from the team leads before choosing a format.',
        ),
      ],
    }),
  },
  {
    title: 'Expense claims reimbursed within ten days',
    description:
      'Sales rates Finance low on responsiveness: travel expenses take over a month to be paid back. Claims submitted by the 5th are paid with that month’s salary at the latest.',
    survey: 'weekly',
    cycle: 10,
    metric: 'service',
    department: 'Sales',
    provider: 'Finance',
    owner: ingrid,
    createdBy: james,
    plan: ({ fromNow }, source) => ({
      created: source.after(1),
      due: fromNow(35),
      events: [],
    }),
  },
  {
    title: 'Quarterly open Q&A with the board',
    description:
      'The board is too small for its own results to be shown, but its members agree they rarely hear disagreement. Hold an open Q&A with the board every quarter, with questions collected anonymously beforehand.',
    survey: 'monthly',
    cycle: 6,
    preferWithheld: true,
    metric: 'question',
    questionId: 'rv-speak-up',
    department: 'Executive board',
    owner: ingrid,
    createdBy: ingrid,
    plan: ({ ago, fromNow }, source) => ({
      created: source.after(3),
      due: fromNow(-12),
      events: [
        update(ago(40), ingrid, 'Waiting for a date from the board; first session pencilled in.'),
      ],
    }),
  },
  {
    // An action HR decided against, with its reason: off the board, kept on the staff pages.
    title: 'Monthly one-to-ones with the head of customer service',
    description:
      'Customer service says decisions reach them late and second-hand. Everyone in the department would meet the head of department one-to-one every month.',
    survey: 'monthly',
    cycle: 9,
    metric: 'driver',
    driver: 'Communication',
    department: 'Customer service',
    owner: ingrid,
    createdBy: ingrid,
    plan: ({ monthly }, source) => ({
      created: source.after(3),
      due: monthly(11).after(3),
      events: [
        status(
          source.after(12),
          ingrid,
          'wont-do',
          'Monthly one-to-ones for the whole department would take the head a week of every month. Team leads hold them instead, and the head joins each team meeting once a quarter.',
        ),
      ],
    }),
  },
  {
    title: 'Booking system training for new starters',
    description:
      'New people in customer service say they learn the booking system by trial and error. A half-day training in the first week, and a cheat sheet at every desk.',
    survey: 'monthly',
    cycle: 11,
    metric: 'driver',
    driver: 'Growth',
    department: 'Customer service',
    owner: ingrid,
    createdBy: ingrid,
    plan: ({ fromNow }, source) => ({
      created: source.after(6),
      due: fromNow(42),
      events: [published(source.after(6.1), ingrid)],
    }),
  },
  {
    title: 'Food safety refresher for the whole kitchen',
    description:
      'Kitchen staff ask for more training, food safety first. Everyone in the kitchen takes the municipal refresher course this season, in paid time.',
    survey: 'monthly',
    cycle: 10,
    metric: 'question',
    questionId: 'rv-training',
    department: 'Kitchen',
    owner: tomasz,
    createdBy: tomasz,
    plan: ({ monthly, fromNow }, source) => ({
      created: source.after(3),
      due: fromNow(5),
      events: [
        status(
          monthly(11).during(0.2),
          tomasz,
          'in-progress',
          'Booked the municipal food safety course for two groups.',
        ),
        published(monthly(11).during(0.3), tomasz),
        update(monthly(12).after(4), tomasz, 'First group of 20 done; the second is booked.'),
      ],
    }),
  },
];

interface TimelineEntry {
  at: Date;
  byId: Types.ObjectId;
  byName: string;
  kind: TimelineKind;
  from: string | null;
  to: string | null;
  note: string | null;
}

type CycleRow = Pick<Cycle, 'number' | 'opensAt' | 'closesAt'> & { _id: Types.ObjectId };

interface SurveyData {
  survey: Survey & { _id: Types.ObjectId };
  questions: Question[];
  cycles: CycleRow[];
}

export async function seedActions(context: DemoContext, now = new Date()): Promise<void> {
  const surveys = new Map<DemoSurveyKey, SurveyData>();
  for (const key of ['weekly', 'monthly'] as const) {
    const survey = await SurveyModel.findOne({ templateId: templateOf[key] }).lean();
    if (!survey) throw new Error(`The demo survey ${templateOf[key]} was not seeded`);
    const cycles = await CycleModel.find(
      { surveyId: survey._id, status: 'closed' },
      { number: 1, opensAt: 1, closesAt: 1 },
    )
      .sort({ number: 1 })
      .lean<CycleRow[]>();
    surveys.set(key, { survey, questions: definitionOf(survey).questions, cycles });
  }
  const dataOf = (key: DemoSurveyKey) => {
    const data = surveys.get(key);
    if (!data) throw new Error(`The demo survey ${key} was not seeded`);
    return data;
  };
  const cycleOf = (key: DemoSurveyKey, number: number) => {
    const cycle = dataOf(key).cycles.find((candidate) => candidate.number === number);
    if (!cycle) throw new Error(`The demo ${key} survey has no closed cycle ${number}`);
    return cycle;
  };
  const momentsOf = (cycle: CycleRow): CycleMoments => ({
    after: (days) => new Date(cycle.closesAt.getTime() + days * dayMs),
    during: (fraction) =>
      new Date(
        cycle.opensAt.getTime() + fraction * (cycle.closesAt.getTime() - cycle.opensAt.getTime()),
      ),
  });
  const calendar: Calendar = {
    weekly: (number) => momentsOf(cycleOf('weekly', number)),
    monthly: (number) => momentsOf(cycleOf('monthly', number)),
    ago: (days) => new Date(now.getTime() - days * dayMs),
    fromNow: (days) => new Date(now.getTime() + days * dayMs),
  };

  const staff = new Map<string, { _id: Types.ObjectId; name: string }>();
  const accounts = await PersonModel.find(
    { $or: [{ hrAdmin: true }, { 'leaderOf.0': { $exists: true } }] },
    { name: 1 },
  ).lean();
  for (const person of accounts) staff.set(person.name, person);
  const personOf = (name: StaffName) => {
    const person = staff.get(name);
    if (!person) throw new Error(`The demo account ${name} was not seeded`);
    return person;
  };
  const departmentOf = (name: string) => {
    const id = context.departmentIds.get(name);
    if (!id) throw new Error(`The demo department ${name} was not seeded`);
    return id;
  };

  for (const demo of demoActions) {
    const data = dataOf(demo.survey);
    const departmentId = demo.department === null ? null : departmentOf(demo.department);
    const providerDepartmentId = demo.provider ? departmentOf(demo.provider) : null;
    const group = {
      surveyId: data.survey._id,
      departmentId,
      providerDepartmentId,
      metric: demo.metric,
      questionId: demo.questionId ?? null,
      driver: demo.driver ?? null,
    };
    let source = cycleOf(demo.survey, demo.cycle);
    if (demo.preferWithheld) {
      // The latest cycle up to the planned one where the group was too small to be shown.
      for (const cycle of data.cycles.filter(({ number }) => number <= demo.cycle)) {
        const read = await readGroup(data, cycle._id, group);
        if (read.respondents < data.survey.anonymityThreshold) source = cycle;
      }
    }
    const read = await readGroup(data, source._id, group);
    const baseline =
      read.respondents < data.survey.anonymityThreshold || read.count === 0
        ? null
        : {
            value: read.sum / read.count,
            n: read.count,
            people: read.people,
            sum: read.sum,
            sumSquares: read.sumSquares,
          };

    const plan = demo.plan(calendar, momentsOf(source));
    const creator = personOf(demo.createdBy);
    let current: ActionStatus = 'open';
    let isPublished = false;
    let completedAt: Date | null = null;
    let wontDoReason: string | null = null;
    const timeline: TimelineEntry[] = [
      {
        at: plan.created,
        byId: creator._id,
        byName: creator.name,
        kind: 'created',
        from: null,
        to: 'open',
        note: null,
      },
    ];
    for (const event of plan.events) {
      const by = personOf(event.by);
      const entry: TimelineEntry = {
        at: event.at,
        byId: by._id,
        byName: by.name,
        kind: event.kind,
        from: null,
        to: null,
        note: event.note ?? null,
      };
      if (event.kind === 'status' && event.to) {
        entry.from = current;
        entry.to = event.to;
        current = event.to;
        completedAt = event.to === 'done' ? event.at : null;
        wontDoReason = event.to === 'wont-do' ? (event.note ?? null) : null;
      }
      if (event.kind === 'published') isPublished = true;
      if (event.kind === 'unpublished') isPublished = false;
      timeline.push(entry);
    }
    const last = timeline[timeline.length - 1];
    // Trend markers go on the newest cycle that had opened when the action was done.
    const completedCycle = completedAt
      ? data.cycles.filter((cycle) => completedAt && cycle.opensAt <= completedAt).at(-1)
      : undefined;

    const action = new ActionModel({
      title: demo.title,
      description: demo.description,
      source: {
        ...group,
        cycleId: source._id,
        label: labelOf(demo, data.questions),
      },
      baseline,
      ownerId: personOf(demo.owner)._id,
      dueOn: localDate(plan.due, data.survey.schedule.timeZone),
      status: current,
      published: isPublished,
      completedAt,
      wontDoReason,
      completedCycleId: completedCycle?._id ?? null,
      timeline,
      createdById: creator._id,
      createdAt: plan.created,
      updatedAt: last?.at ?? plan.created,
    });
    await action.validate();
    const { _id, ...fields } = action.toObject();
    // Found again by its title, so a seed run twice (or resumed) adds nothing.
    await ActionModel.updateOne(
      { title: demo.title },
      { $setOnInsert: { _id, ...fields } },
      { upsert: true, timestamps: false },
    );
  }
}

interface Group {
  metric: Exclude<MetricKind, 'enps'>;
  questionId: string | null;
  driver: string | null;
  departmentId: Types.ObjectId | null;
  providerDepartmentId: Types.ObjectId | null;
}

/**
 * The respondents of a group in one cycle (its '*' rollups) and the totals of the scores an action
 * about it follows: a department's score is its scale questions that are not about a service, a
 * driver's the scale questions with that driver, a service's the internal-service scale questions
 * about that provider.
 */
async function readGroup(
  data: SurveyData,
  cycleId: Types.ObjectId,
  group: Group,
): Promise<{
  respondents: number;
  /** The fewest people behind the figure: the most answers one question got (as pages show). */
  people: number;
  count: number;
  sum: number;
  sumSquares: number;
}> {
  // As the insights read them: drivers and the service matrix from the types with drivers, the
  // score from the types that measure it.
  const driving = data.questions.filter(
    (question) => questionTypeOf(question.type).insights.drivers,
  );
  const scored = data.questions.filter((question) => measureOf(question.type) === 'score');
  const followed = new Set(
    (group.metric === 'question'
      ? data.questions.filter((question) => question.id === group.questionId)
      : group.metric === 'driver'
        ? driving.filter((question) => question.driver === group.driver)
        : group.metric === 'service'
          ? driving.filter((question) => question.internalService)
          : scored.filter((question) => !question.internalService)
    ).map((question) => question.id),
  );
  const rows = await RollupModel.find(
    {
      cycleId,
      ...(group.departmentId ? { departmentId: group.departmentId } : {}),
      questionId: { $in: [...followed, respondentsQuestionId] },
    },
    { questionId: 1, providerDepartmentId: 1, count: 1, sum: 1, sumSquares: 1 },
  ).lean<Rollup[]>();
  const totals = { respondents: 0, people: 0, count: 0, sum: 0, sumSquares: 0 };
  const answers = new Map<string, number>();
  for (const row of rows) {
    const provider = row.providerDepartmentId ? String(row.providerDepartmentId) : null;
    if (row.questionId === respondentsQuestionId) {
      if (provider === null) totals.respondents += row.count ?? 0;
      continue;
    }
    if (provider !== (group.providerDepartmentId ? String(group.providerDepartmentId) : null)) {
      continue;
    }
    totals.count += row.count ?? 0;
    totals.sum += row.sum ?? 0;
    totals.sumSquares += row.sumSquares ?? 0;
    answers.set(row.questionId, (answers.get(row.questionId) ?? 0) + (row.count ?? 0));
  }
  totals.people = Math.max(0, ...answers.values());
  return totals;
}

/** What was heard, as the results page names it ("Kitchen · Recognition"). */
function labelOf(demo: DemoAction, questions: Question[]): string {
  const where = demo.department ?? 'Whole company';
  switch (demo.metric) {
    case 'service':
      return `${demo.provider ?? ''} as rated by ${demo.department ?? 'the whole company'}`;
    case 'driver':
      return `${where} · ${demo.driver ?? ''}`;
    case 'question': {
      const text = questions.find((question) => question.id === demo.questionId)?.text.en ?? '';
      return `${where} · ${text.replaceAll('{department}', demo.provider ?? '')}`;
    }
    default:
      return `${where} · Score`;
  }
}
