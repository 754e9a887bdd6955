import type { Types } from 'mongoose';

import { CharterModel } from '../../models/charter.server';
import { DepartmentModel } from '../../models/department.server';
import { SurveyModel } from '../../models/survey.server';
import type { LanguageCode } from '../../models/vocabulary';
import { questionWording } from '../insights/question-wording';
import { measureOf } from '../question-types/registry';
import { audienceDepartments } from '../surveys/audience.server';
import { localizeIn } from '../surveys/localize';
import { textsOf } from './texts';

// The charters employees see on their board, in their language: only published ones, and on a
// department's board only those of the departments that serve it — the ones its people rate in
// the internal-service questions of an active survey. No readings: figures stay on staff pages.

export interface BoardStandard {
  key: string;
  text: { text: string; language: LanguageCode };
  target: number;
  scale: 'score' | 'enps';
  /** A built-in driver is translated on the card; a custom one or a question is shown as is. */
  driver: string | null;
  question: { text: string; language: LanguageCode } | null;
}

export interface BoardCharter {
  id: string;
  department: string;
  standards: BoardStandard[];
}

/** Providers a department's people rate in the active surveys that reach them. */
async function providersServing(departmentId: Types.ObjectId): Promise<string[]> {
  const surveys = await SurveyModel.find(
    { status: 'active', 'questions.internalService': true },
    { audience: 1, providerDepartmentIds: 1, questions: 1 },
  ).lean();
  const providers = new Set<string>();
  for (const survey of surveys) {
    const asks = survey.questions.some(
      (question) => question.internalService && !question.archived,
    );
    if (!asks || survey.providerDepartmentIds.length === 0) continue;
    const reached = await audienceDepartments({
      departmentIds: survey.audience.departmentIds.map(String),
      includeSubDepartments: survey.audience.includeSubDepartments,
    });
    if (!reached.includes(String(departmentId))) continue;
    for (const id of survey.providerDepartmentIds) providers.add(String(id));
  }
  return [...providers];
}

/**
 * Published charters for a board: a department's (`departmentId`) serving departments', or,
 * on the company board (null), every published one.
 */
export async function boardCharters(
  departmentId: Types.ObjectId | null,
  language: LanguageCode,
): Promise<BoardCharter[]> {
  const filter: Record<string, unknown> = { published: true };
  if (departmentId) filter.departmentId = { $in: await providersServing(departmentId) };
  const charters = await CharterModel.find(filter, { departmentId: 1, standards: 1 }).lean();
  if (charters.length === 0) return [];
  const [departments, surveys] = await Promise.all([
    DepartmentModel.find(
      { _id: { $in: charters.map((charter) => charter.departmentId) } },
      { name: 1 },
    ).lean(),
    SurveyModel.find(
      {
        _id: {
          $in: charters.flatMap((charter) =>
            charter.standards.flatMap((standard) => standard.measure.surveyId ?? []),
          ),
        },
      },
      { defaultLanguage: 1, questions: 1 },
    ).lean(),
  ]);
  const names = new Map(departments.map((department) => [String(department._id), department.name]));
  return charters
    .map((charter) => {
      const name = names.get(String(charter.departmentId)) ?? '';
      return {
        id: String(charter.departmentId),
        department: name,
        standards: charter.standards.flatMap((standard): BoardStandard[] => {
          const text = localizeIn(textsOf(standard.text), language, 'en');
          if (!text) return [];
          const { measure } = standard;
          const survey = surveys.find((item) => String(item._id) === String(measure.surveyId));
          const question = survey?.questions.find((item) => item.id === measure.questionId);
          const questionText = question
            ? localizeIn(textsOf(question.text), language, survey?.defaultLanguage ?? 'en')
            : null;
          return [
            {
              key: standard.key,
              text,
              target: standard.target,
              scale: question && measureOf(question.type) === 'enps' ? 'enps' : 'score',
              driver: measure.driver ?? null,
              question: questionText
                ? {
                    text: questionWording(questionText.text, name),
                    language: questionText.language,
                  }
                : null,
            },
          ];
        }),
      };
    })
    .filter((charter) => charter.standards.length > 0)
    .sort((a, b) => a.department.localeCompare(b.department));
}
