import { Types } from 'mongoose';

import { CycleModel } from '../../models/cycle.server';
import { SurveyModel } from '../../models/survey.server';
import { cycleResults } from './cycle-results.server';
import { isSettled, questionInfos, thresholdOf } from './filters.server';
import { type MetricSource, readingOf } from './metric.server';
import type { Figure } from './types';
import { empty, figureOf } from './withholding';

// The figure each action source stands for, read from the organisation's results of its cycle:
// what the board shows as "the figure then". Nothing stored with an action is trusted for it —
// actions raised before withholding was decided for the whole organisation kept the raising
// leader's own view, which could be a figure the organisation's decision withholds, or a total
// over a few departments that no insight page shows.

/**
 * One figure per source, in order: rounded, without a change; withheld or empty as the source
 * cycle's results say, and empty for a survey or cycle that is gone or has not settled.
 */
export async function sourceFigures(sources: readonly MetricSource[]): Promise<Figure[]> {
  const valid = (id: string) => Types.ObjectId.isValid(id);
  const surveyIds = [...new Set(sources.map((source) => source.surveyId))].filter(valid);
  const cycleIds = [...new Set(sources.map((source) => source.cycleId))].filter(valid);
  if (surveyIds.length === 0 || cycleIds.length === 0) return sources.map(() => empty);
  const [surveys, cycles] = await Promise.all([
    SurveyModel.find(
      { _id: { $in: surveyIds } },
      { defaultLanguage: 1, anonymityThreshold: 1, questions: 1 },
    ).lean(),
    CycleModel.find(
      { _id: { $in: cycleIds } },
      { surveyId: 1, status: 1, closedAt: 1, rollupsRevision: 1 },
    ).lean(),
  ]);
  const now = Date.now();
  const figures = new Map<string, Figure>();
  await Promise.all(
    surveys.map(async (survey) => {
      const surveyId = String(survey._id);
      const settled = new Map(
        cycles
          .filter((cycle) => String(cycle.surveyId) === surveyId && isSettled(cycle, now))
          .map((cycle) => [String(cycle._id), cycle.rollupsRevision]),
      );
      const results = await cycleResults(
        { threshold: thresholdOf(survey), questions: questionInfos(survey), settled },
        [...settled.keys()],
      );
      sources.forEach((source, index) => {
        if (source.surveyId !== surveyId) return;
        figures.set(String(index), figureOf(readingOf(results.get(source.cycleId), source)));
      });
    }),
  );
  return sources.map((_, index) => figures.get(String(index)) ?? empty);
}
