// The figures of one cycle over the whole organisation, decided once and shared by every page and
// every viewer: the respondents' breakdown (participation), the score and eNPS by department, and
// each question's split and mean. Nothing here knows who is looking: a viewer is shown a subset of
// these figures (series.server.ts), never a breakdown or total recomputed over their own
// departments.
//
// One set of withheld departments serves every department breakdown of the cycle: each breakdown
// is run with the departments withheld by any other forced, until none adds one (at most once
// per department). A department withheld for its score is then withheld in each question's split
// and mean too, and every breakdown hides the same block — so the figures of one measure read
// from two breakdowns (a question's mean as an action's baseline and as a driver's cell, say)
// can never be subtracted from each other. Figures about the ratings of services (an
// internal-service question's split and mean, the matrix, the drivers table) are decided with
// every other sum of those ratings (service-ratings.ts, cycle-tables.server.ts), starting from
// the same withheld departments.

import type { QuestionType } from '../../models/vocabulary';
import { respondentsQuestionId } from '../answering/rollups.server';
import { measureOf } from '../question-types/registry';
import { serviceTables } from './cycle-tables.server';
import type { QuestionInfo } from './filters.server';
import { roundFor } from './rounding';
import { every, questionMeasure, type ServiceRatings } from './service-ratings';
import { splitOf } from './statistics';
import { emptyTally, mergeTally, type RollupRow, type Tally, tallyBy } from './tally';
import type { Split } from './types';
import {
  breakdownDecision,
  type BreakdownReadings,
  breakdownReadings,
  type Measure,
  type Reading,
  type TableReadings,
  tallyReading,
} from './withholding';

export interface CycleFigures {
  /** Invited respondents per department: the '*' rollup less its open-link respondents. */
  respondents: Map<string, number>;
  /** Open-link (kiosk) respondents per department. */
  kiosk: Map<string, number>;
  /** Departments withheld in the respondents' breakdown: participation and comments. */
  respondentsWithheld: Set<string>;
  respondentsTotalShown: boolean;
  score: BreakdownReadings;
  enps: BreakdownReadings | null;
  /**
   * Departments withheld in any department breakdown of the cycle (respondents, score, eNPS,
   * each question): every one of those breakdowns and the drivers table withholds all of them.
   */
  withheld: Set<string>;
  /** Every sum of the ratings of services, decided as one table. */
  ratings: ServiceRatings;
  /** Answering × rated department, read from `ratings`. */
  matrix: TableReadings;
  /** Departments × drivers. */
  drivers: TableReadings;
  /** Each scale and NPS question's answers by department (providers added up). */
  questionParts: Map<string, Map<string, Tally>>;
}

export interface Questions {
  /** Scale questions that are not about a provider: the engagement score. */
  score: Set<string>;
  /** NPS questions that are not about a provider: eNPS. */
  enps: Set<string>;
}

export function questionSets(questions: readonly QuestionInfo[]): Questions {
  const of = (measure: 'score' | 'enps') =>
    new Set(
      questions
        .filter((question) => measureOf(question.type) === measure && !question.internalService)
        .map((question) => question.id),
    );
  return { score: of('score'), enps: of('enps') };
}

export interface RespondentsDecision {
  /** Invited respondents per department. */
  respondents: Map<string, number>;
  /** Open-link respondents per department. */
  kiosk: Map<string, number>;
  withheld: Set<string>;
  totalShown: boolean;
}

/**
 * The respondents' breakdown of one cycle over every department: sized by invited respondents,
 * and a department with open-link answers only counts as answered (so it is withheld, never
 * shown as a group of none). Comments and participation follow this decision.
 */
export function respondentsDecision(
  rows: readonly Pick<
    RollupRow,
    'departmentId' | 'questionId' | 'providerId' | 'count' | 'kioskCount'
  >[],
  threshold: number,
): RespondentsDecision {
  const respondents = new Map<string, number>();
  const kiosk = new Map<string, number>();
  const people = new Map<string, Tally>();
  for (const row of rows) {
    if (row.questionId !== respondentsQuestionId || row.providerId !== null) continue;
    const id = row.departmentId;
    const open = Math.min(row.count, row.kioskCount);
    respondents.set(id, (respondents.get(id) ?? 0) + row.count - open);
    kiosk.set(id, (kiosk.get(id) ?? 0) + open);
    let tally = people.get(id);
    if (!tally) people.set(id, (tally = emptyTally()));
    tally.totals.count += row.count;
    tally.answers.set('*', (tally.answers.get('*') ?? 0) + row.count);
    tally.invited.set('*', (tally.invited.get('*') ?? 0) + row.count - open);
  }
  const decision = breakdownDecision(people, respondents, threshold);
  return { respondents, kiosk, withheld: decision.withheldKeys, totalShown: decision.totalShown };
}

/** Rows of one cycle (every department, every question) → its department figures. */
export function cycleFigures(
  rows: readonly RollupRow[],
  questions: readonly QuestionInfo[],
  threshold: number,
): CycleFigures {
  const answered = respondentsDecision(rows, threshold);
  const { respondents } = answered;
  const sets = questionSets(questions);
  const tallies = (ids: Set<string>) =>
    tallyBy(rows, (row) =>
      row.providerId === null && ids.has(row.questionId) ? row.departmentId : null,
    );
  const scoreParts = tallies(sets.score);
  const enpsParts = sets.enps.size > 0 ? tallies(sets.enps) : null;
  const scored = questions.filter((question) => measureOf(question.type) !== null);
  const questionParts = new Map(
    scored.map((question) => [question.id, partsOf(rows, question.id)] as const),
  );
  const own = scored.filter((question) => !question.internalService);
  const withheld = fixedPoint(answered.withheld, respondents, threshold, [
    scoreParts,
    ...(enpsParts ? [enpsParts] : []),
    ...own.map((question) => questionParts.get(question.id) ?? new Map<string, Tally>()),
  ]);
  const tables = serviceTables(rows, questions, { threshold, respondents, withheld });
  return {
    respondents,
    kiosk: answered.kiosk,
    respondentsWithheld: answered.withheld,
    respondentsTotalShown: answered.totalShown,
    score: breakdownReadings(scoreParts, respondents, threshold, 'score', withheld),
    enps: enpsParts ? breakdownReadings(enpsParts, respondents, threshold, 'enps', withheld) : null,
    withheld,
    ratings: tables.ratings,
    matrix: tables.matrix,
    drivers: tables.drivers,
    questionParts,
  };
}

/**
 * The departments to withhold in every one of `breakdowns`: those `start` withholds, and any one
 * of the breakdowns withholds (threshold or complement) with the others forced, until no
 * breakdown adds one.
 */
function fixedPoint(
  start: ReadonlySet<string>,
  respondents: ReadonlyMap<string, number>,
  threshold: number,
  breakdowns: readonly ReadonlyMap<string, Tally>[],
): Set<string> {
  const forced = new Set(start);
  for (let grown = true; grown;) {
    grown = false;
    for (const parts of breakdowns) {
      const decision = breakdownDecision(parts, respondents, threshold, forced);
      for (const key of decision.withheldKeys) {
        if (!forced.has(key)) {
          forced.add(key);
          grown = true;
        }
      }
    }
  }
  return forced;
}

/**
 * Which of a question's departments, and whether its total, may be shown: an internal-service
 * question's are figures of the service ratings, the others' its breakdown forced by `withheld`.
 */
function questionDecision(
  question: QuestionInfo,
  figures: CycleFigures,
  threshold: number,
): { shown: (department: string) => boolean; totalShown: boolean; total: Tally } {
  const parts = figures.questionParts.get(question.id) ?? new Map<string, Tally>();
  if (question.internalService) {
    const measure = questionMeasure(question.id);
    const isShown = (department: string) =>
      figures.ratings.reading(department, every, measure).state === 'shown';
    const total = emptyTally();
    for (const tally of parts.values()) mergeTally(total, tally);
    return { shown: isShown, totalShown: isShown(every), total };
  }
  const decision = breakdownDecision(parts, figures.respondents, threshold, figures.withheld);
  return {
    shown: (department) => !decision.withheldKeys.has(department),
    totalShown: decision.totalShown,
    total: decision.total,
  };
}

export interface QuestionSplits {
  question: QuestionInfo;
  total: Split;
  byDepartment: Map<string, Split>;
}

/** One question's answers by department (providers added up), as its split and mean use them. */
function partsOf(rows: readonly RollupRow[], questionId: string): Map<string, Tally> {
  return tallyBy(rows, (row) => (row.questionId === questionId ? row.departmentId : null));
}

/** Each scale and NPS question's split, overall and by department (providers added up). */
export function questionSplits(
  questions: readonly QuestionInfo[],
  figures: CycleFigures,
  threshold: number,
): QuestionSplits[] {
  return questions
    .filter((question) => measureOf(question.type) !== null)
    .map((question) => {
      const parts = figures.questionParts.get(question.id) ?? new Map<string, Tally>();
      const decision = questionDecision(question, figures, threshold);
      const byDepartment = new Map<string, Split>();
      for (const [id, tally] of parts) {
        byDepartment.set(id, split(tally, question.type, decision.shown(id)));
      }
      return {
        question,
        total: split(decision.total, question.type, decision.totalShown),
        byDepartment,
      };
    });
}

/**
 * A question's mean by department, withheld exactly as its split: the same decision. Null for a question without a score (choices, comments).
 */
export function questionReadings(
  question: QuestionInfo | undefined,
  figures: CycleFigures,
  threshold: number,
): BreakdownReadings | null {
  const measure: Measure | null = question ? measureOf(question.type) : null;
  if (!question || !measure) return null;
  const parts = figures.questionParts.get(question.id) ?? new Map<string, Tally>();
  const decision = questionDecision(question, figures, threshold);
  const readings = new Map<string, Reading>();
  for (const [id, tally] of parts)
    readings.set(id, tallyReading(tally, measure, decision.shown(id)));
  const withheldKeys = new Set(
    [...readings].filter(([, reading]) => reading.state === 'withheld').map(([id]) => id),
  );
  return {
    parts: readings,
    total: tallyReading(decision.total, measure, decision.totalShown),
    withheldKeys,
  };
}

/** A split in percent, rounded as the pages show it. */
function split(tally: Tally, type: QuestionType, shown: boolean): Split {
  const shares = splitOf(tally.histogram, type);
  if (!shares) return { state: 'empty' };
  if (!shown) return { state: 'withheld' };
  return {
    state: 'shown',
    n: shares.n,
    favourable: roundFor('percent', shares.favourable),
    neutral: roundFor('percent', shares.neutral),
    unfavourable: roundFor('percent', shares.unfavourable),
  };
}

export type { Reading };
