import { Types } from 'mongoose';

// Rollup documents built from made-up answers, as the answering code would leave them: one per
// cycle, answering department, question and rated department, with counts, sums and a histogram.
// The anonymity property tests write these instead of answering through the app.

/** Who gave an answer, as far as a rollup knows it. */
export interface Answerer {
  cycle: string;
  department: string;
  /** Answered through the open (kiosk) link. */
  kiosk: boolean;
}

export function rollupRows(surveyId: string | Types.ObjectId) {
  const rows = new Map<string, Record<string, unknown>>();
  /** One answer (null: counted without a value, as the respondents' '*' rollup). */
  const add = (
    answerer: Answerer,
    questionId: string,
    provider: string | null,
    value: number | null,
  ) => {
    const key = `${answerer.cycle}|${answerer.department}|${questionId}|${provider}`;
    const row = rows.get(key) ?? {
      surveyId: new Types.ObjectId(surveyId),
      cycleId: new Types.ObjectId(answerer.cycle),
      departmentId: new Types.ObjectId(answerer.department),
      questionId,
      providerDepartmentId: provider ? new Types.ObjectId(provider) : null,
      count: 0,
      sum: 0,
      sumSquares: 0,
      histogram: {},
      skipped: 0,
      kioskCount: 0,
    };
    row.count = Number(row.count) + 1;
    if (answerer.kiosk) row.kioskCount = Number(row.kioskCount) + 1;
    if (value !== null) {
      row.sum = Number(row.sum) + value;
      row.sumSquares = Number(row.sumSquares) + value * value;
      const histogram = row.histogram as Record<string, number>;
      histogram[String(value)] = (histogram[String(value)] ?? 0) + 1;
    }
    rows.set(key, row);
  };
  return { add, documents: () => [...rows.values()] };
}
