// The figures of one cycle for the departments a user sees, decided once and shared by every
// page: the respondents' breakdown (participation), the score and eNPS by department, and each
// question's split. Whatever one of them withholds for a department, the others withhold too.

import { respondentsQuestionId } from '../answering/rollups.server';
import type { QuestionInfo } from './filters.server';
import { splitOf } from './statistics';
import { type RollupRow, type Tally, tallyBy } from './tally';
import type { Split } from './types';
import {
  breakdownDecision,
  type BreakdownReadings,
  breakdownReadings,
  type Reading,
} from './withholding';

export interface CycleFigures {
  respondents: Map<string, number>;
  /** Departments withheld in the respondents' breakdown (and with them every figure of theirs). */
  respondentsWithheld: Set<string>;
  respondentsTotalShown: boolean;
  score: BreakdownReadings;
  enps: BreakdownReadings | null;
  /** Departments whose score is withheld: tables of this cycle withhold their rows too. */
  scoreWithheld: Set<string>;
}

export interface Questions {
  /** Scale questions that are not about a provider: the engagement score. */
  score: Set<string>;
  /** NPS questions that are not about a provider: eNPS. */
  enps: Set<string>;
}

export function questionSets(questions: readonly QuestionInfo[]): Questions {
  const of = (type: string) =>
    new Set(
      questions
        .filter((question) => question.type === type && !question.internalService)
        .map((question) => question.id),
    );
  return { score: of('scale'), enps: of('nps') };
}

/** Rows of one cycle → its department figures, for the departments `visible` accepts. */
export function cycleFigures(
  rows: readonly RollupRow[],
  questions: Questions,
  threshold: number,
  visible: (departmentId: string) => boolean,
): CycleFigures {
  const respondents = new Map<string, number>();
  for (const row of rows) {
    if (row.questionId !== respondentsQuestionId || row.providerId !== null) continue;
    if (!visible(row.departmentId)) continue;
    respondents.set(row.departmentId, (respondents.get(row.departmentId) ?? 0) + row.count);
  }
  const people = new Map<string, Tally>(
    [...respondents].map(([id, count]) => [
      id,
      { totals: { count, sum: 0, sumSquares: 0 }, histogram: {}, answers: new Map([['*', count]]) },
    ]),
  );
  const answered = breakdownDecision(people, respondents, threshold);
  const forced = answered.withheldKeys;
  const tallies = (ids: Set<string>) =>
    tallyBy(rows, (row) =>
      row.providerId === null && ids.has(row.questionId) && visible(row.departmentId)
        ? row.departmentId
        : null,
    );
  const score = breakdownReadings(
    tallies(questions.score),
    respondents,
    threshold,
    'score',
    forced,
  );
  const enps =
    questions.enps.size > 0
      ? breakdownReadings(tallies(questions.enps), respondents, threshold, 'enps', forced)
      : null;
  return {
    respondents,
    respondentsWithheld: forced,
    respondentsTotalShown: answered.totalShown,
    score,
    enps,
    scoreWithheld: new Set([...forced, ...score.withheldKeys]),
  };
}

export interface QuestionSplits {
  question: QuestionInfo;
  total: Split;
  byDepartment: Map<string, Split>;
}

/** Each scale and NPS question's split, overall and by department (providers added up). */
export function questionSplits(
  rows: readonly RollupRow[],
  questions: readonly QuestionInfo[],
  figures: CycleFigures,
  threshold: number,
  visible: (departmentId: string) => boolean,
): QuestionSplits[] {
  return questions
    .filter((question) => question.type === 'scale' || question.type === 'nps')
    .map((question) => {
      const parts = tallyBy(rows, (row) =>
        row.questionId === question.id && visible(row.departmentId) ? row.departmentId : null,
      );
      const decision = breakdownDecision(
        parts,
        figures.respondents,
        threshold,
        figures.respondentsWithheld,
      );
      const type = question.type === 'nps' ? 'nps' : 'scale';
      const byDepartment = new Map<string, Split>();
      for (const [id, tally] of parts) {
        byDepartment.set(id, split(tally, type, !decision.withheldKeys.has(id)));
      }
      return { question, total: split(decision.total, type, decision.totalShown), byDepartment };
    });
}

function split(tally: Tally, type: 'scale' | 'nps', shown: boolean): Split {
  const shares = splitOf(tally.histogram, type);
  if (!shares) return { state: 'empty' };
  if (!shown) return { state: 'withheld' };
  return { state: 'shown', ...shares };
}

export type { Reading };
