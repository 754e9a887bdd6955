import { randomUUID } from 'node:crypto';

import { Types } from 'mongoose';

import { CycleModel } from '../../models/cycle.server';
import { DepartmentModel } from '../../models/department.server';
import { InviteModel } from '../../models/invite.server';
import { ResponseModel } from '../../models/response.server';
import { SurveyModel } from '../../models/survey.server';
import type { LanguageCode } from '../../models/vocabulary';
import { askedQuestions } from '../answering/asked-questions';
import { rebuildRollups } from '../answering/rollups.server';
import { questionTypeOf } from '../question-types/registry';
import { definitionOf } from '../surveys/surveys.server';
import type { DemoContext } from './seed.server';

// Responses for the demo's closed cycles: participation climbs from about 55% to 80% over the
// twelve cycles (the loop closing), each response from one invite's department, and — as in the
// app — nothing records which invites answered. Departments move differently over the twelve cycles — the
// kitchen improves after its actions, sales slips, the rest hold steady — and so does how IT is
// rated as a service (its helpdesk actions land), matching the demo's action items, and a few
// services let one customer down on one driver (the hotspots); some people
// leave a comment in their own language. Rollups come from the same rebuild the app uses.

/** How each department's mood moves from the first to the last cycle, on a 1–5 scale. */
const trends: Record<string, { from: number; to: number }> = {
  Kitchen: { from: 2.6, to: 4.1 },
  'Service floor': { from: 3.0, to: 3.8 },
  Sales: { from: 3.9, to: 3.1 },
  'Customer service': { from: 3.3, to: 3.4 },
  IT: { from: 3.6, to: 4.2 },
};
const steady = { from: 3.5, to: 3.6 };

/** How ratings of a provider department move, on top of the rater's mood (internal services). */
const serviceTrends: Record<string, { from: number; to: number }> = {
  IT: { from: -0.4, to: 0.3 },
};

/**
 * A few places where one service lets one customer down on one driver, and more so over time:
 * what the hotspot page finds among the departments' moods, matching the comments below.
 */
const serviceHotspots: {
  provider: string;
  customer: string;
  driver: string;
  from: number;
  to: number;
}[] = [
  { provider: 'Finance', customer: 'Kitchen', driver: 'Reliability', from: -0.6, to: -1.5 },
  { provider: 'IT', customer: 'Service floor', driver: 'Tools', from: -0.8, to: -1.4 },
  { provider: 'HR', customer: 'Customer service', driver: 'Responsiveness', from: -0.5, to: -1.3 },
];

const comments: Record<LanguageCode, string[]> = {
  en: [
    'The new rota is much fairer, thank you.',
    'IT tickets take too long to get a first answer.',
    'More training on the booking system would help.',
  ],
  uk: ['Дякую за нову систему змін, стало зручніше.', 'Хотілося б швидшої відповіді від IT.'],
  nb: [
    'Kjøkkenet har blitt mye bedre organisert.',
    'Vi trenger flere folk på fredagskveldene.',
    'Lønnsslippene kommer for sent.',
  ],
  pt: [
    'A comunicação entre a cozinha e a sala melhorou.',
    'Gostaria de mais formação sobre segurança alimentar.',
  ],
  pl: ['Grafik jest wreszcie ustalany z wyprzedzeniem.', 'Szatnia dla personelu wymaga remontu.'],
  lv: ['Paldies par jaunajām darba formām.', 'Būtu labi saņemt atbildes no HR ātrāk.'],
};

export async function seedResponses(context: DemoContext): Promise<void> {
  const nameOf = new Map(
    (await DepartmentModel.find({}, { name: 1 }).lean()).map((department) => [
      String(department._id),
      department.name,
    ]),
  );
  const surveys = await SurveyModel.find({ templateId: { $ne: null } }).lean();
  for (const survey of surveys) {
    const definition = definitionOf(survey);
    const cycles = await CycleModel.find({ surveyId: survey._id, status: 'closed' })
      .sort({ number: 1 })
      .lean();
    const last = Math.max(1, cycles.length - 1);
    for (const [index, cycle] of cycles.entries()) {
      // Idempotent: a re-run (after an interrupted seed) writes the cycle's responses anew.
      await ResponseModel.deleteMany({ cycleId: cycle._id });
      const asked = askedQuestions(definition.questions, {
        questionIds: cycle.questionIds,
        providerDepartmentIds: cycle.providerDepartmentIds.map(String),
      });
      const progress = index / last;
      const rate = 0.55 + 0.25 * progress;
      const invites = (
        await InviteModel.find({ cycleId: cycle._id }, { departmentId: 1, language: 1 }).lean()
      ).filter(() => context.random() < rate);
      const responses = invites.map((invite) => {
        const trend = trends[nameOf.get(String(invite.departmentId)) ?? ''] ?? steady;
        const mood = trend.from + (trend.to - trend.from) * progress;
        const customer = nameOf.get(String(invite.departmentId)) ?? '';
        const moodAbout = (providerDepartmentId: string | null, driver: string | null) => {
          const provider = providerDepartmentId ? (nameOf.get(providerDepartmentId) ?? '') : '';
          const service = provider ? serviceTrends[provider] : undefined;
          const hotspot = serviceHotspots.find(
            (spot) =>
              spot.provider === provider && spot.customer === customer && spot.driver === driver,
          );
          let felt = service ? mood + service.from + (service.to - service.from) * progress : mood;
          if (hotspot) felt += hotspot.from + (hotspot.to - hotspot.from) * progress;
          return felt;
        };
        const language = definition.languages.includes(invite.language)
          ? invite.language
          : definition.defaultLanguage;
        const skippedProviders = new Set(
          cycle.providerDepartmentIds.map(String).filter(() => context.random() < 0.2),
        );
        type Stored = {
          questionId: string;
          providerDepartmentId: Types.ObjectId | null;
          value: number | string | string[] | null;
          skipped?: true;
        };
        const answers = asked.flatMap(({ question, providerDepartmentId }): Stored[] => {
          const provider = providerDepartmentId ? new Types.ObjectId(providerDepartmentId) : null;
          if (providerDepartmentId && skippedProviders.has(providerDepartmentId)) {
            return [
              {
                questionId: question.id,
                providerDepartmentId: provider,
                value: null,
                skipped: true,
              },
            ];
          }
          const noise = (context.random() + context.random() - 1) * 1.6;
          const felt = moodAbout(providerDepartmentId, question.driver ?? null);
          const value = questionTypeOf(question.type).demoAnswer(question, {
            felt,
            noise,
            random: () => context.random(),
            comments: comments[language],
          });
          return value === null
            ? []
            : [{ questionId: question.id, providerDepartmentId: provider, value }];
        });
        return {
          _id: randomUUID(),
          cycleId: cycle._id,
          surveyId: survey._id,
          departmentId: invite.departmentId,
          answers,
          rolledUp: false,
        };
      });
      // In random order, so the stored order says nothing about who answered when.
      responses.sort(() => context.random() - 0.5);
      for (let start = 0; start < responses.length; start += 1000) {
        await ResponseModel.insertMany(responses.slice(start, start + 1000), { lean: true });
      }
      await rebuildRollups(cycle._id);
    }
  }
}
