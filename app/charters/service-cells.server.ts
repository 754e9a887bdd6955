import type { CycleFigures } from '../insights/cycle-figures.server';
import type { QuestionInfo } from '../insights/filters.server';
import { cellKey } from '../insights/suppression';
import { addRow, emptyTally, type RollupRow, type Tally } from '../insights/tally';
import { type Measure, type TableReadings, tableReadings } from '../insights/withholding';
import { measureOf } from '../question-types/registry';

// The ratings of one cycle split finer than the insight pages split them: answering department ×
// rated department for each internal-service question, and for each driver of those questions.
// A charter reads one column of one of these tables. Every table goes through `tableReadings`
// (threshold and complementary suppression, rows and columns), starting from what the cycle's
// results already withhold — the matrix's withheld cells and the rows withheld for services —
// and the cells any one table withholds are withheld in all of them, until none adds one. So a
// customer's rating of a service is shown for every measure or for none, and one measure less
// another (a driver less one of its questions) never isolates a group the others withhold; a row
// of any table adds up to a figure the insight pages show (the question's or driver's cell of
// that department), and suppression keeps the hidden part of every row at the threshold or more.

/** Which table a standard reads: one question's ratings, or one driver's. */
export type MeasureKey = `q:${string}` | `d:${string}`;

export const questionKey = (questionId: string): MeasureKey => `q:${questionId}`;
export const driverKey = (driver: string): MeasureKey => `d:${driver}`;

interface ServiceTable {
  measure: Measure;
  cells: Map<string, Map<string, Tally>>;
}

/** The ratings tables of one cycle, with one withholding decision over all of them. */
export function serviceTables(
  rows: readonly RollupRow[],
  questions: readonly QuestionInfo[],
  figures: Pick<CycleFigures, 'respondents' | 'serviceWithheld' | 'matrix'>,
  threshold: number,
): Map<MeasureKey, TableReadings> {
  const tables = new Map<MeasureKey, ServiceTable>();
  const tableFor = (key: MeasureKey, measure: Measure) => {
    let table = tables.get(key);
    if (!table) tables.set(key, (table = { measure, cells: new Map() }));
    return table;
  };
  const byQuestion = new Map<string, { measure: Measure; driver: string | null }>();
  for (const question of questions) {
    const measure = measureOf(question.type);
    if (!question.internalService || !measure) continue;
    byQuestion.set(question.id, { measure, driver: measure === 'score' ? question.driver : null });
    tableFor(questionKey(question.id), measure);
    if (measure === 'score' && question.driver) tableFor(driverKey(question.driver), 'score');
  }
  for (const row of rows) {
    const question = row.providerId ? byQuestion.get(row.questionId) : undefined;
    if (!question || !row.providerId) continue;
    addTo(tableFor(questionKey(row.questionId), question.measure), row);
    if (question.driver) addTo(tableFor(driverKey(question.driver), 'score'), row);
  }

  const withheld = new Set<string>();
  for (const [key, reading] of figures.matrix.cells) {
    if (reading.state === 'withheld') withheld.add(key);
  }
  const forcing = {
    rows: figures.serviceWithheld,
    cell: (row: string, column: string) => withheld.has(cellKey(row, column)),
  };
  const decide = () =>
    new Map(
      [...tables].map(([key, table]) => [
        key,
        tableReadings(table.cells, figures.respondents, threshold, table.measure, forcing),
      ]),
    );
  // Each pass can only withhold more, and there are finitely many cells.
  for (;;) {
    const readings = decide();
    let grown = false;
    for (const table of readings.values()) {
      for (const [key, reading] of table.cells) {
        if (reading.state === 'withheld' && !withheld.has(key)) {
          withheld.add(key);
          grown = true;
        }
      }
    }
    if (!grown) return readings;
  }
}

function addTo(table: ServiceTable, row: RollupRow): void {
  const customer = row.departmentId;
  const provider = row.providerId ?? '';
  let line = table.cells.get(customer);
  if (!line) table.cells.set(customer, (line = new Map<string, Tally>()));
  let tally = line.get(provider);
  if (!tally) line.set(provider, (tally = emptyTally()));
  addRow(tally, row);
}
