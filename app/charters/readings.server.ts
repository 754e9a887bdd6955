import { Types } from 'mongoose';

import type { CharterStandard } from '../../models/charter.server';
import { CycleModel } from '../../models/cycle.server';
import { DepartmentModel } from '../../models/department.server';
import { SurveyModel } from '../../models/survey.server';
import type { LanguageCode } from '../../models/vocabulary';
import { cycleResults } from '../insights/cycle-results.server';
import {
  isSettled,
  type QuestionInfo,
  questionInfos,
  thresholdOf,
} from '../insights/filters.server';
import type { ServiceRatings } from '../insights/service-ratings';
import { empty, figureOf, type Reading } from '../insights/withholding';
import { measureOf } from '../question-types/registry';
import { localize } from '../surveys/localize';
import { driverKey, type MeasureKey, questionKey, serviceColumn } from './service-cells.server';

// A charter read against the results: each standard met, not met or not measured, per closed
// cycle and per customer (answering) department. Only settled cycles are read (an open cycle's
// figures move with each response), and only through their rollups and the cycle's one
// withholding decision (service-cells.server.ts, insights/service-ratings.ts): a group the results withhold — under the
// threshold, or hidden as a complement — is "not measured", never a figure, for every viewer.

export type ReadingCell =
  | { state: 'met' | 'not-met'; value: number; n: number }
  | { state: 'not-measured'; why: 'withheld' | 'no-answers' };

export interface ReadingCycle {
  id: string;
  surveyId: string;
  number: number;
  survey: string;
}

export interface StandardReadings {
  key: string;
  scale: 'score' | 'enps';
  /** Oldest first. */
  cycles: ReadingCycle[];
  rows: { department: { id: string; name: string }; cells: ReadingCell[] }[];
}

/** How many of each survey's latest settled cycles a charter page reads. */
export const cyclesRead = 4;

type Standard = Pick<CharterStandard, 'key' | 'measure' | 'target'>;

interface SurveyFacts {
  id: string;
  title: string;
  threshold: number;
  questions: QuestionInfo[];
}

/** The measure a standard reads in one survey, or null where that survey does not measure it. */
function measureIn(
  survey: SurveyFacts,
  standard: Standard,
): { key: MeasureKey; scale: 'score' | 'enps' } | null {
  const { measure } = standard;
  if (measure.driver) {
    const carries = survey.questions.some(
      (question) =>
        question.internalService &&
        question.driver === measure.driver &&
        measureOf(question.type) === 'score',
    );
    return carries ? { key: driverKey(measure.driver), scale: 'score' } : null;
  }
  if (!measure.surveyId || String(measure.surveyId) !== survey.id) return null;
  const question = survey.questions.find((item) => item.id === measure.questionId);
  const scale = question ? measureOf(question.type) : null;
  if (!question?.internalService || !scale) return null;
  return { key: questionKey(question.id), scale };
}

/** Surveys (not drafts) that rate the provider, in the reader's language. */
async function surveysRating(providerId: string, language: LanguageCode): Promise<SurveyFacts[]> {
  const surveys = await SurveyModel.find(
    { status: { $ne: 'draft' }, providerDepartmentIds: new Types.ObjectId(providerId) },
    { title: 1, defaultLanguage: 1, anonymityThreshold: 1, questions: 1 },
  )
    .sort({ createdAt: 1 })
    .lean();
  return surveys.map((survey) => ({
    id: String(survey._id),
    title: localize(survey.title, language, survey.defaultLanguage),
    threshold: thresholdOf(survey),
    questions: questionInfos(survey),
  }));
}

/** The service ratings of the given settled cycles of one survey, by cycle id. */
async function ratingsOf(
  survey: SurveyFacts,
  cycles: readonly { id: string; revision: number }[],
): Promise<Map<string, ServiceRatings>> {
  const frame = {
    threshold: survey.threshold,
    questions: survey.questions,
    settled: new Map(cycles.map((cycle) => [cycle.id, cycle.revision])),
  };
  const results = await cycleResults(
    frame,
    cycles.map((cycle) => cycle.id),
  );
  return new Map([...results].map(([id, result]) => [id, result.figures.ratings]));
}

/** The latest settled cycles of a survey (never open ones), oldest first. */
async function settledCycles(surveyId: string, limit: number) {
  const cycles = await CycleModel.find(
    { surveyId: new Types.ObjectId(surveyId), status: 'closed', missed: { $ne: true } },
    { number: 1, status: 1, closedAt: 1, rollupsRevision: 1 },
  )
    .sort({ number: -1 })
    .limit(limit + 2)
    .lean();
  return cycles
    .filter((cycle) => isSettled(cycle))
    .slice(0, limit)
    .reverse()
    .map((cycle) => ({
      id: String(cycle._id),
      number: cycle.number,
      revision: cycle.rollupsRevision,
    }));
}

/** A reading as the table shows it: against the target, on the figure as the pages round it. */
export function cellOf(reading: Reading, target: number): ReadingCell {
  const figure = figureOf(reading);
  if (figure.state === 'withheld') return { state: 'not-measured', why: 'withheld' };
  if (figure.state !== 'shown') return { state: 'not-measured', why: 'no-answers' };
  return { state: figure.value >= target ? 'met' : 'not-met', value: figure.value, n: figure.n };
}

/**
 * Each standard of a provider's charter read over the latest settled cycles of every survey that
 * measures it, by customer department. `customers` picks the rows a viewer may see (a leader of
 * a customer sees their own departments); the figures are the same for everyone.
 */
export async function charterReadings(
  providerId: string,
  standards: readonly Standard[],
  options: { language: LanguageCode; customers?: (departmentId: string) => boolean },
): Promise<StandardReadings[]> {
  const surveys = await surveysRating(providerId, options.language);
  const used = surveys.filter((survey) =>
    standards.some((standard) => measureIn(survey, standard) !== null),
  );
  const read = await Promise.all(
    used.map(async (survey) => {
      const cycles = await settledCycles(survey.id, cyclesRead);
      return { survey, cycles, ratings: await ratingsOf(survey, cycles) };
    }),
  );
  const names = new Map(
    (await DepartmentModel.find({}, { name: 1 }).lean()).map((department) => [
      String(department._id),
      department.name,
    ]),
  );
  const visible = options.customers ?? (() => true);
  return standards.map((standard) => {
    const columns: { cycle: ReadingCycle; readings: Map<string, Reading> }[] = [];
    let scale: 'score' | 'enps' = 'score';
    for (const { survey, cycles, ratings } of read) {
      const measure = measureIn(survey, standard);
      if (!measure) continue;
      scale = measure.scale;
      for (const cycle of cycles) {
        const cycleRatings = ratings.get(cycle.id);
        columns.push({
          cycle: { id: cycle.id, surveyId: survey.id, number: cycle.number, survey: survey.title },
          readings: cycleRatings
            ? serviceColumn(cycleRatings, measure.key, providerId)
            : new Map<string, Reading>(),
        });
      }
    }
    const customers = new Set(columns.flatMap(({ readings }) => [...readings.keys()]));
    const rows = [...customers]
      .filter(visible)
      .map((id) => ({ id, name: names.get(id) ?? '' }))
      .sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id))
      .map((department) => ({
        department,
        cells: columns.map(({ readings }) =>
          cellOf(readings.get(department.id) ?? empty, standard.target),
        ),
      }));
    return { key: standard.key, scale, cycles: columns.map(({ cycle }) => cycle), rows };
  });
}

/**
 * One cell's reading, with the sums behind it, for the baseline of an action raised from it:
 * the same decision as the charter page's (empty where the cycle has not settled or the survey
 * does not measure the standard).
 */
export async function standardReadingAt(
  providerId: string,
  standard: Standard,
  place: { surveyId: string; cycleId: string; customerId: string },
): Promise<Reading> {
  const survey = (await surveysRating(providerId, 'en')).find(
    (candidate) => candidate.id === place.surveyId,
  );
  const measure = survey ? measureIn(survey, standard) : null;
  if (!survey || !measure || !Types.ObjectId.isValid(place.cycleId)) return empty;
  const cycle = await CycleModel.findOne(
    { _id: place.cycleId, surveyId: new Types.ObjectId(survey.id), missed: { $ne: true } },
    { status: 1, closedAt: 1, rollupsRevision: 1 },
  ).lean();
  if (!cycle || !isSettled(cycle)) return empty;
  const ratings = await ratingsOf(survey, [{ id: place.cycleId, revision: cycle.rollupsRevision }]);
  const cycleRatings = ratings.get(place.cycleId);
  if (!cycleRatings) return empty;
  return serviceColumn(cycleRatings, measure.key, providerId).get(place.customerId) ?? empty;
}
