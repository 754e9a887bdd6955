// Every figure of one settled cycle over the whole organisation, computed once and kept: the
// department figures and question splits (cycle-figures.server.ts), the service ratings, the
// internal-customer matrix and departments × drivers (service-ratings.ts, cycle-tables.server.ts). This is the one decision of what a cycle
// withholds; every viewer, every total, every CSV, every action baseline and the board read
// their figures from it, so combining two people's views reveals nothing more than either.
//
// Only settled cycles (closed more than the settle time ago) have results: an open cycle's
// rollups move with every response, and two views a response apart would give it away. A
// settled cycle's rows change only through a rebuild, which bumps its revision, so the results
// are kept in memory by revision, threshold and question definitions.

import { type HotspotTable, hotspotTable } from '../hotspots/hotspot-table';
import {
  type CycleFigures,
  cycleFigures,
  questionReadings,
  type QuestionSplits,
  questionSplits,
} from './cycle-figures.server';
import type { QuestionInfo } from './filters.server';
import { onForgetRollups, readRollups, rowsByCycle } from './rollup-reads.server';
import type { RollupRow } from './tally';
import type { BreakdownReadings, TableReadings } from './withholding';

/** What the results of a survey's cycles depend on besides their rollups. */
export interface ResultsFrame {
  threshold: number;
  questions: readonly QuestionInfo[];
  /** Settled cycles with their rollups' revision; only these have results. */
  settled: Map<string, number>;
}

export interface CycleResults {
  figures: CycleFigures;
  /** Each scale and NPS question's split, overall and by department. */
  splits: () => QuestionSplits[];
  /** One question's mean by department and overall; null for a question without a score. */
  question: (questionId: string) => BreakdownReadings | null;
  /** Answering × rated department. */
  matrix: () => TableReadings;
  /** Departments × drivers. */
  drivers: () => TableReadings;
  /** Customer department × provider × driver: the hotspot page's cells. */
  hotspots: () => HotspotTable;
}

const kept = new Map<string, { key: string; results: CycleResults }>();
const maxKept = 5000;
onForgetRollups(() => kept.clear());

/** The results of those of `cycleIds` that are settled, by cycle id. */
export async function cycleResults(
  frame: ResultsFrame,
  cycleIds: readonly string[],
): Promise<Map<string, CycleResults>> {
  const signature = frameSignature(frame);
  const found = new Map<string, CycleResults>();
  const missing: { id: string; key: string }[] = [];
  for (const id of new Set(cycleIds)) {
    const revision = frame.settled.get(id);
    if (revision === undefined) continue;
    const key = `${revision}|${signature}`;
    const hit = kept.get(id);
    if (hit?.key === key) found.set(id, hit.results);
    else missing.push({ id, key });
  }
  if (missing.length === 0) return found;
  const rows = rowsByCycle(
    await readRollups(
      frame,
      missing.map(({ id }) => id),
      'all',
    ),
  );
  for (const { id, key } of missing) {
    const results = resultsOf(rows.get(id) ?? [], frame);
    kept.delete(id);
    kept.set(id, { key, results });
    found.set(id, results);
  }
  for (const id of kept.keys()) {
    if (kept.size <= maxKept) break;
    kept.delete(id);
  }
  return found;
}

/** Results of one cycle from all its rows; the tables and splits are worked out when asked. */
function resultsOf(
  rows: readonly RollupRow[],
  frame: Pick<ResultsFrame, 'threshold' | 'questions'>,
): CycleResults {
  const { threshold, questions } = frame;
  const figures = cycleFigures(rows, questions, threshold);
  const byQuestion = new Map<string, BreakdownReadings | null>();
  const results: CycleResults = {
    figures,
    splits: once(() => questionSplits(questions, figures, threshold)),
    question: (questionId) => {
      if (!byQuestion.has(questionId)) {
        const question = questions.find((item) => item.id === questionId);
        byQuestion.set(questionId, questionReadings(question, figures, threshold));
      }
      return byQuestion.get(questionId) ?? null;
    },
    matrix: () => figures.matrix,
    drivers: () => figures.drivers,
    hotspots: once(() => hotspotTable(rows, questions, figures.ratings)),
  };
  return results;
}

function once<T>(compute: () => T): () => T {
  let value: { result: T } | null = null;
  return () => (value ??= { result: compute() }).result;
}

/** Results change with the threshold and with what each question is (type, driver, service). */
function frameSignature(frame: Pick<ResultsFrame, 'threshold' | 'questions'>): string {
  return JSON.stringify([
    frame.threshold,
    frame.questions.map((question) => [
      question.id,
      question.type,
      question.driver,
      question.internalService,
    ]),
  ]);
}
