// Every figure about the ratings of services in one cycle, decided as one table. Departments rate
// services on questions, so each rating lives in a cube: answering department × rated department ×
// question. Every page that shows ratings shows a sum over a box of that cube — the matrix's cell
// adds up the questions of one customer → service, the drivers table's cell adds up the services
// and questions of one department on one driver, a question's mean adds up the services, a
// hotspot or charter cell is one customer → service on one driver or question. A reader who sees
// two of those pages can subtract one box from another, so the figures are not decided page by
// page but once, here, over every box at once:
//  - a box is a customer or every one, a service or every one, and a question, a driver, every
//    question with a driver, or every scale question;
//  - boxes holding the same answers are one figure (with one service, a customer's cell on a
//    driver is the drivers table's cell), so they are shown or withheld together;
//  - every line of boxes (a box and its parts along one side: customers, services, or the
//    questions under a driver) is checked as a breakdown: a line never hides exactly one box, and
//    where its total is known, the parts it hides hold at least the threshold together;
//  - a box no page shows (a service's figure on one driver, every customer's) counts as known
//    to a reader when it is large enough, for other pages may add up to it, and as withheld when
//    it is small, since it then needs the same cover as any small group.
// So whatever a reader adds up or subtracts along any side, what is left hidden is either every
// box of a line or a group of at least the threshold. Sizes count invited people only: the most
// answers any one box of a department got (one person rates many services), departments added
// up. Boxes of departments the cycle's other breakdowns withhold are withheld too, as are boxes
// another table withholds (`forced`), so a figure shown on one page is never withheld on another.

import { measureOf, questionTypeOf } from '../question-types/registry';
import type { QuestionInfo } from './filters.server';
import { addRow, emptyTally, type RollupRow, type Tally } from './tally';
import { empty, type Measure, type Reading, tallyReading, withheld } from './withholding';

/**
 * What a box adds up: one question (`q:<id>`), one driver (`d:<name>`), every question with a
 * driver (`drivers`), every scale question — the matrix's (`all`), or the scale questions
 * without a driver (`none`, never shown on its own).
 */
export type RatingsMeasure = `q:${string}` | `d:${string}` | 'drivers' | 'all' | 'none';

export const questionMeasure = (questionId: string): RatingsMeasure => `q:${questionId}`;
export const driverMeasure = (driver: string): RatingsMeasure => `d:${driver}`;

/** Scale internal-service questions: the matrix's cells are their mean (the measure `all`). */
export const matrixQuestionIds = (questions: readonly QuestionInfo[]) =>
  new Set(
    questions
      .filter(
        (question) => question.internalService && questionTypeOf(question.type).insights.drivers,
      )
      .map((question) => question.id),
  );

/** Every customer, or every service, in a box. */
export const every = '*';

export const ratingsKey = (customer: string, provider: string, measure: RatingsMeasure) =>
  `${customer}\u0000${provider}\u0000${measure}`;

export interface RatingsFrame {
  threshold: number;
  /** Invited respondents per answering department: no box of one holds more people. */
  respondents: ReadonlyMap<string, number>;
  /** Answering departments the cycle's department breakdowns withhold: all their boxes. */
  withheld: ReadonlySet<string>;
  /** Boxes another table of the cycle withholds (`ratingsKey`). */
  forced?: ReadonlySet<string>;
}

export interface ServiceRatings {
  /** A box's figure: a customer or `every`, a service or `every`, and a measure. */
  reading(customer: string, provider: string, measure: RatingsMeasure): Reading;
  /** Answering departments with ratings. */
  customers: readonly string[];
  /** Rated departments. */
  providers: readonly string[];
}

interface Box {
  tally: Tally;
  /** Two sums of random numbers, one per answered rollup row: equal for boxes of one set. */
  hash: [number, number];
  /** The most invited answers of one rollup row, per answering department. */
  invited: Map<string, number>;
  answered: boolean;
}

/** One figure: the boxes that hold the same answers. */
interface Figure {
  size: number;
  invited: Map<string, number>;
  /** Shown on some page (not only a sum a reader may work out). */
  published: boolean;
  hidden: boolean;
  lines: number[];
}

/** A box and its parts along one side, as figures. */
interface Line {
  total: number;
  parts: number[];
}

/** Which boxes some page shows: see the pages listed at the top. */
function isPublished(customer: string, provider: string, measure: RatingsMeasure): boolean {
  const anyCustomer = customer === every;
  const anyProvider = provider === every;
  if (measure === 'none') return false;
  if (measure === 'all') return !(anyCustomer && anyProvider);
  if (measure === 'drivers') return !anyCustomer && anyProvider;
  // One question or driver: a charter or hotspot cell, a department's or the company's figure.
  return !anyCustomer || anyProvider;
}

/** Rows of one cycle → the decided figures of every box of service ratings. */
export function serviceRatings(
  rows: readonly RollupRow[],
  questions: readonly QuestionInfo[],
  frame: RatingsFrame,
): ServiceRatings {
  const { threshold, respondents } = frame;
  // Each question's measures, from the finest up: the question, its driver, drivers, all.
  const measuresOf = new Map<string, { path: RatingsMeasure[]; measure: Measure }>();
  const children = new Map<RatingsMeasure, Set<RatingsMeasure>>();
  const inMatrix = matrixQuestionIds(questions);
  for (const question of questions) {
    const measure = measureOf(question.type);
    if (!question.internalService || !measure) continue;
    const path: RatingsMeasure[] = [questionMeasure(question.id)];
    if (inMatrix.has(question.id)) {
      if (question.driver) path.push(driverMeasure(question.driver), 'drivers');
      else path.push('none');
      path.push('all');
    }
    measuresOf.set(question.id, { path, measure });
    for (let index = 1; index < path.length; index++) {
      const parent = path[index];
      let set = children.get(parent);
      if (!set) children.set(parent, (set = new Set()));
      set.add(path[index - 1]);
    }
  }

  const boxes = new Map<string, Box>();
  const customers = new Set<string>();
  const providers = new Set<string>();
  const random = xorshift(0x9e3779b9);
  for (const row of rows) {
    const question = measuresOf.get(row.questionId);
    if (!row.providerId || !question) continue;
    customers.add(row.departmentId);
    providers.add(row.providerId);
    const answered = row.count > 0;
    const atom: [number, number] = answered ? [random(), random()] : [0, 0];
    const invited = Math.max(0, row.count - row.kioskCount);
    for (const customer of [row.departmentId, every]) {
      for (const provider of [row.providerId, every]) {
        for (const measure of question.path) {
          const key = ratingsKey(customer, provider, measure);
          let box = boxes.get(key);
          if (!box) {
            box = { tally: emptyTally(), hash: [0, 0], invited: new Map(), answered: false };
            boxes.set(key, box);
          }
          addRow(box.tally, row);
          box.hash = [(box.hash[0] + atom[0]) % modulus, (box.hash[1] + atom[1]) % modulus];
          box.answered ||= answered;
          const before = box.invited.get(row.departmentId) ?? 0;
          box.invited.set(row.departmentId, Math.max(before, invited));
        }
      }
    }
  }

  const sizeOf = (invited: ReadonlyMap<string, number>) => {
    let size = 0;
    for (const [customer, count] of invited) {
      size += Math.min(count, respondents.get(customer) ?? count);
    }
    return size;
  };
  const figures: Figure[] = [];
  const figureOf = new Map<string, number>();
  const byHash = new Map<string, number>();
  const forced = frame.forced ?? new Set<string>();
  for (const [key, box] of boxes) {
    if (!box.answered) continue;
    const [customer = '', provider = '', measure = 'all'] = key.split('\u0000') as [
      string,
      string,
      RatingsMeasure,
    ];
    const hash = `${box.hash[0]}:${box.hash[1]}`;
    let id = byHash.get(hash);
    if (id === undefined) {
      id = figures.length;
      byHash.set(hash, id);
      const size = sizeOf(box.invited);
      figures.push({
        size,
        invited: box.invited,
        published: false,
        hidden: size < threshold,
        lines: [],
      });
    }
    figureOf.set(key, id);
    const figure = figures[id];
    if (isPublished(customer, provider, measure)) figure.published = true;
    if (frame.withheld.has(customer) || forced.has(key)) figure.hidden = true;
  }

  const lines: Line[] = [];
  const seen = new Set<string>();
  const addLine = (totalKey: string, partKeys: Iterable<string>) => {
    const total = figureOf.get(totalKey);
    if (total === undefined) return;
    const parts = [...new Set([...partKeys].flatMap((key) => figureOf.get(key) ?? []))].sort(
      (a, b) => a - b,
    );
    if (parts.length < 2) return;
    const signature = `${total}|${parts.join(',')}`;
    if (seen.has(signature)) return;
    seen.add(signature);
    const index = lines.length;
    lines.push({ total, parts });
    for (const id of [total, ...parts]) (figures[id]).lines.push(index);
  };
  for (const key of figureOf.keys()) {
    const [customer = '', provider = '', measure = 'all'] = key.split('\u0000') as [
      string,
      string,
      RatingsMeasure,
    ];
    if (customer === every) {
      addLine(
        key,
        [...customers].map((one) => ratingsKey(one, provider, measure)),
      );
    }
    if (provider === every) {
      addLine(
        key,
        [...providers].map((one) => ratingsKey(customer, one, measure)),
      );
    }
    const below = children.get(measure);
    if (below)
      addLine(
        key,
        [...below].map((one) => ratingsKey(customer, provider, one)),
      );
  }

  coverLines(figures, lines, threshold, sizeOf);

  return {
    customers: [...customers],
    providers: [...providers],
    reading(customer, provider, measure) {
      const key = ratingsKey(customer, provider, measure);
      const box = boxes.get(key);
      const id = figureOf.get(key);
      if (!box || id === undefined) return empty;
      if ((figures[id]).hidden) return withheld;
      const question = measure.startsWith('q:') ? measuresOf.get(measure.slice(2)) : undefined;
      return tallyReading(box.tally, question?.measure ?? 'score', true);
    },
  };
}

/**
 * Withholds more figures until every line is covered: none hides exactly one of its figures, and
 * where its total is known, the parts it hides hold at least the threshold together. A line
 * withholds the smallest part a page shows, else its total, else (a sum only a reader could work
 * out) the smallest such part, which then needs cover of its own.
 */
function coverLines(
  figures: Figure[],
  lines: readonly Line[],
  threshold: number,
  sizeOf: (invited: ReadonlyMap<string, number>) => number,
): void {
  const hiddenSize = (parts: readonly number[]) => {
    const invited = new Map<string, number>();
    for (const id of parts) {
      for (const [customer, count] of (figures[id]).invited) {
        invited.set(customer, Math.max(invited.get(customer) ?? 0, count));
      }
    }
    return sizeOf(invited);
  };
  const uncovered = (line: Line) => {
    const total = figures[line.total];
    const hiddenParts = line.parts.filter((id) => (figures[id]).hidden);
    const hiddenCount = hiddenParts.length + (total.hidden ? 1 : 0);
    if (hiddenCount === 1) return true;
    return !total.hidden && hiddenParts.length > 0 && hiddenSize(hiddenParts) < threshold;
  };
  const smallest = (ids: readonly number[]) =>
    [...ids].sort((a, b) => (figures[a]).size - (figures[b]).size || a - b)[0];
  const next = (line: Line): number => {
    const open = line.parts.filter((id) => !(figures[id]).hidden);
    const shownPart = smallest(open.filter((id) => (figures[id]).published));
    if (shownPart !== undefined) return shownPart;
    const total = figures[line.total];
    if (!total.hidden && total.published) return line.total;
    return smallest(open) ?? line.total;
  };
  const queue = lines.map((_, index) => index);
  const queued = new Set(queue);
  while (queue.length > 0) {
    const index = queue.pop() as number;
    queued.delete(index);
    const line = lines[index];
    while (uncovered(line)) {
      const id = next(line);
      const figure = figures[id];
      figure.hidden = true;
      for (const other of figure.lines) {
        if (other !== index && !queued.has(other)) {
          queued.add(other);
          queue.push(other);
        }
      }
    }
  }
}

/** Sums of random numbers below 2^36 stay exact in doubles; taken modulo a prime below 2^52. */
const modulus = 4503599627370449;

function xorshift(seed: number): () => number {
  let state = seed >>> 0 || 1;
  const next32 = () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return state >>> 0;
  };
  return () => (next32() % 2 ** 20) * 2 ** 16 + (next32() % 2 ** 16);
}
