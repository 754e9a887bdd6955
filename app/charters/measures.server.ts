import { SurveyModel } from '../../models/survey.server';
import type { LanguageCode } from '../../models/vocabulary';
import { questionWording } from '../insights/question-wording';
import { measureOf } from '../question-types/registry';
import { localize } from '../surveys/localize';
import { builtInDrivers } from '../surveys/survey-schema';
import { type MeasureChoice, measureValue } from './charter-form';
import { textsOf } from './texts';

// What a provider's standards can be measured by: a driver (over the internal-service questions
// that carry it), or one internal-service question with a score of a survey that rates this
// department. Read from the surveys, so a charter never names a question no survey asks.

export interface MeasureOption {
  value: string;
  choice: MeasureChoice;
  /** A driver's name as stored (the page translates built-in ones); a question's text. */
  label: string;
  /** The survey's title, for a question. */
  survey: string | null;
  /** On what scale its target is set: a mean on 1–5, or an eNPS on −100…100. */
  scale: 'score' | 'enps';
}

/** The range a target must lie in for each scale. */
export const targetRange = {
  score: { min: 1, max: 5 },
  enps: { min: -100, max: 100 },
} as const;

/** The measures a provider department's standards may use, in the reader's language. */
export async function measureOptions(
  provider: { id: string; name: string },
  language: LanguageCode,
): Promise<MeasureOption[]> {
  const surveys = await SurveyModel.find(
    { status: { $ne: 'draft' } },
    { title: 1, defaultLanguage: 1, questions: 1, providerDepartmentIds: 1 },
  )
    .sort({ createdAt: -1 })
    .lean();
  const drivers = new Set<string>(builtInDrivers);
  const questions: MeasureOption[] = [];
  for (const survey of surveys) {
    const rates = survey.providerDepartmentIds.some((id) => String(id) === provider.id);
    for (const question of survey.questions) {
      const scale = measureOf(question.type);
      if (question.archived || !scale) continue;
      if (question.driver) drivers.add(question.driver);
      if (!question.internalService || !rates) continue;
      const choice: MeasureChoice = {
        kind: 'question',
        surveyId: String(survey._id),
        questionId: question.id,
      };
      questions.push({
        value: measureValue(choice),
        choice,
        label: questionWording(
          localize(textsOf(question.text), language, survey.defaultLanguage),
          provider.name,
        ),
        survey: localize(survey.title, language, survey.defaultLanguage),
        scale,
      });
    }
  }
  const driverOptions = [...drivers].map((driver): MeasureOption => {
    const choice: MeasureChoice = { kind: 'driver', driver };
    return { value: measureValue(choice), choice, label: driver, survey: null, scale: 'score' };
  });
  return [...driverOptions, ...questions];
}
