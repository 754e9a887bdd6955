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
//    where its total is known, the parts it hides hold at least the threshold together, and so
//    does what is left of them once every shown box inside them is taken away;
//  - a box no page shows (a service's figure on one driver, every customer's) counts as known
//    to a reader when it is large enough, for other pages may add up to it, and as withheld when
//    it is small, since it then needs the same cover as any small group.
// So whatever a reader adds up or subtracts along one line, what is left hidden is either every
// box of the line or a group of at least the threshold. A reader may combine several lines at
// once (two columns less a row): that is audited exactly afterwards (service-audit.ts), and each
// thing it finds within reach withholds one more shown figure, until it finds nothing — no
// withheld figure and no group below the threshold within reach of any combination. Sizes count
// invited people only: the most answers any one box of a department got (one person rates many
// services), departments added up. Boxes of departments the cycle's other breakdowns withhold are
// withheld too, as are boxes another table withholds (`withhold`), so a figure shown on one page
// is never withheld on another.

import { measureOf, questionTypeOf } from '../question-types/registry';
import type { QuestionInfo } from './filters.server';
import { KnownSpan } from './service-audit';
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
}

/**
 * Figures of another table that add up boxes of the cube and answers the cube does not hold (a
 * department's own questions), for auditing the two together (`auditWith`).
 */
export interface ExtraFigures {
  /** Answers outside the cube, each of one department, with its invited people. */
  atoms: readonly { department: string; people: number }[];
  /** Shown figures: the cube boxes (`ratingsKey`) and the extra atoms each adds up. */
  known: readonly { boxes: readonly string[]; atoms: readonly number[]; size: number }[];
  /** Which of `known` may be withheld (the others are decided elsewhere). */
  withholdable: (index: number) => boolean;
}

export interface ServiceRatings {
  /** A box's figure: a customer or `every`, a service or `every`, and a measure. */
  reading(customer: string, provider: string, measure: RatingsMeasure): Reading;
  /**
   * Withholds more boxes (`ratingsKey`) that another table withholds, covering their lines in
   * turn; says whether any was shown.
   */
  withhold(keys: Iterable<string>): boolean;
  /** Answering departments with ratings. */
  customers: readonly string[];
  /** Rated departments. */
  providers: readonly string[];
}

/** The ratings while their tables are being decided. */
export interface DecidingRatings extends ServiceRatings {
  /**
   * Audits the cube together with another table's figures: each group below the threshold that
   * the two give away together withholds one more figure — a box of the cube (done here), or one
   * of `extra.known`, whose indices it returns. Says whether any box was withheld.
   */
  auditWith(extra: ExtraFigures): { grown: boolean; extra: number[] };
}

/** A box's place along the three sides: customer, provider, measure (`every` is the last index). */
interface Place {
  customer: number;
  provider: number;
  measure: number;
}

/** A box and its parts along one side, as figures. */
interface Line {
  total: number;
  parts: number[];
}

/** A line as boxes: its total, the side its parts differ on, and the parts. */
interface LineEntry {
  line: Line;
  totalBox: number;
  side: 'customer' | 'provider' | 'measure';
  boxes: number[];
}

/** One customer's answers on one question about one service: the smallest box. */
interface Atom {
  place: Place;
  rows: RollupRow[];
  /** Its measures, from the question up. */
  path: number[];
  /** Invited people who answered. */
  people: number;
}

/** Which boxes some page shows: see the pages listed at the top. */
function isPublished(anyCustomer: boolean, anyProvider: boolean, measure: RatingsMeasure): boolean {
  if (measure === 'none') return false;
  if (measure === 'all') return !(anyCustomer && anyProvider);
  if (measure === 'drivers') return !anyCustomer && anyProvider;
  // One question: a charter cell, a department's or the company's figure, or a service's figure
  // an action follows.
  if (measure.startsWith('q:')) return true;
  // One driver: a hotspot or charter cell, a department's or the company's figure.
  return !anyCustomer || anyProvider;
}

/** Numbers things in the order they are first met: `of` gives one's number, `names` the list. */
function numbering<T>() {
  const names: T[] = [];
  const index = new Map<T, number>();
  const of = (name: T) => {
    let found = index.get(name);
    if (found === undefined) {
      found = names.length;
      index.set(name, found);
      names.push(name);
    }
    return found;
  };
  return { names, index, of };
}

/** The measures of a survey's service questions, from the finest up, as indices. */
function measureTree(questions: readonly QuestionInfo[]) {
  const { names, index, of: indexOf } = numbering<RatingsMeasure>();
  /** Per question id: its measures (question, driver or none, drivers, all) and its scale. */
  const paths = new Map<string, { path: number[]; measure: Measure }>();
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
    paths.set(question.id, { path: path.map(indexOf), measure });
  }
  const children = names.map(() => new Set<number>());
  const leaves = names.map(() => new Set<string>());
  for (const [questionId, { path }] of paths) {
    for (const [step, measure] of path.entries()) {
      leaves[measure]?.add(questionId);
      if (step > 0) children[measure]?.add(path[step - 1] ?? measure);
    }
  }
  return { names, index, paths, children: children.map((set) => [...set]), leaves };
}

/** Rows of one cycle → the decided figures of every box of service ratings. */
export function serviceRatings(
  rows: readonly RollupRow[],
  questions: readonly QuestionInfo[],
  frame: RatingsFrame,
): DecidingRatings {
  const { threshold, respondents } = frame;
  const tree = measureTree(questions);
  const customerNumbers = numbering<string>();
  const providerNumbers = numbering<string>();
  const { names: customers, index: customerIndex } = customerNumbers;
  const { names: providers, index: providerIndex } = providerNumbers;
  // Rows by atom (customer, provider, question): the smallest boxes.
  const atoms = new Map<string, Atom>();
  for (const row of rows) {
    const question = tree.paths.get(row.questionId);
    if (!row.providerId || !question) continue;
    const customer = customerNumbers.of(row.departmentId);
    const provider = providerNumbers.of(row.providerId);
    const key = `${customer}|${provider}|${row.questionId}`;
    const atom = atoms.get(key);
    if (atom) atom.rows.push(row);
    else {
      atoms.set(key, {
        place: { customer, provider, measure: question.path[0] ?? 0 },
        rows: [row],
        path: question.path,
        people: 0,
      });
    }
  }
  const allCustomers = customers.length;
  const allProviders = providers.length;
  const measures = tree.names.length;
  const boxOf = (customer: number, provider: number, measure: number) =>
    (customer * (allProviders + 1) + provider) * measures + measure;
  const boxCount = (allCustomers + 1) * (allProviders + 1) * measures;
  const placeOf = (box: number): Place => ({
    measure: box % measures,
    provider: Math.floor(box / measures) % (allProviders + 1),
    customer: Math.floor(box / measures / (allProviders + 1)),
  });

  // Each answered atom adds two random 32-bit numbers to every box holding it (modulo 2^32):
  // boxes with equal sums hold the same answers. Each box of one customer keeps the most invited answers of an atom.
  const hashA = new Uint32Array(boxCount);
  const hashB = new Uint32Array(boxCount);
  const answered = new Uint8Array(boxCount);
  const invited = new Float64Array(boxCount);
  const random = xorshift(0x9e3779b9);
  /** Answered atoms by customer × provider, for reading a box's answers back. */
  const atomsByPair: Atom[][] = new Array<Atom[]>(allCustomers * allProviders);
  for (const atom of atoms.values()) {
    const count = atom.rows.reduce((sum, row) => sum + row.count, 0);
    if (count <= 0) continue;
    const people = atom.rows.reduce((sum, row) => sum + Math.max(0, row.count - row.kioskCount), 0);
    atom.people = people;
    const [a, b] = [random(), random()];
    const pair = atom.place.customer * allProviders + atom.place.provider;
    (atomsByPair[pair] ??= []).push(atom);
    for (let side = 0; side < 4; side++) {
      const customer = side < 2 ? atom.place.customer : allCustomers;
      const provider = side % 2 === 0 ? atom.place.provider : allProviders;
      for (const measure of atom.path) {
        const box = boxOf(customer, provider, measure);
        hashA[box] = ((hashA[box] ?? 0) + a) >>> 0;
        hashB[box] = ((hashB[box] ?? 0) + b) >>> 0;
        answered[box] = 1;
        if (customer !== allCustomers) invited[box] = Math.max(invited[box] ?? 0, people);
      }
    }
  }

  const respondentsOf = customers.map((id) => respondents.get(id) ?? Infinity);
  const capped = (customer: number, count: number) =>
    Math.min(count, respondentsOf[customer] ?? Infinity);
  /** Invited people of boxes together: per customer the most of any one box, added up. */
  const sizeOf = (boxes: readonly number[]) => {
    const most = new Map<number, number>();
    const note = (customer: number, count: number) => {
      if (count > (most.get(customer) ?? 0)) most.set(customer, count);
    };
    for (const box of boxes) {
      const place = placeOf(box);
      if (place.customer !== allCustomers) note(place.customer, invited[box] ?? 0);
      else {
        for (let customer = 0; customer < allCustomers; customer++) {
          note(customer, invited[boxOf(customer, place.provider, place.measure)] ?? 0);
        }
      }
    }
    let size = 0;
    for (const [customer, count] of most) size += capped(customer, count);
    return size;
  };

  // One figure per set of answers; a figure is published, and hidden, if any of its boxes is.
  const figureOf = new Int32Array(boxCount).fill(-1);
  const byHash = new Map<number, Map<number, number>>();
  const hidden: boolean[] = [];
  const published: boolean[] = [];
  const sizes: number[] = [];
  /** A box by its customer, provider and measure; -1 for none. */
  const boxAt = (customer: string, provider: string, measure: RatingsMeasure) => {
    const place = {
      customer: customer === every ? allCustomers : (customerIndex.get(customer) ?? -1),
      provider: provider === every ? allProviders : (providerIndex.get(provider) ?? -1),
      measure: tree.index.get(measure) ?? -1,
    };
    if (place.customer < 0 || place.provider < 0 || place.measure < 0) return -1;
    return boxOf(place.customer, place.provider, place.measure);
  };
  const boxOfKey = (key: string) => {
    const [customer = '', provider = '', measure = 'all'] = key.split('\u0000');
    return boxAt(customer, provider, measure as RatingsMeasure);
  };
  const withheldCustomers = customers.map((id) => frame.withheld.has(id));
  const boxSize = (box: number) => {
    const { customer, provider, measure } = placeOf(box);
    if (customer !== allCustomers) return capped(customer, invited[box] ?? 0);
    let size = 0;
    for (let one = 0; one < allCustomers; one++) {
      size += capped(one, invited[boxOf(one, provider, measure)] ?? 0);
    }
    return size;
  };
  for (let box = 0; box < boxCount; box++) {
    if (!answered[box]) continue;
    const hash = hashA[box] ?? 0;
    let figure = byHash.get(hash)?.get(hashB[box] ?? 0);
    if (figure === undefined) {
      figure = sizes.length;
      let same = byHash.get(hash);
      if (!same) byHash.set(hash, (same = new Map<number, number>()));
      same.set(hashB[box] ?? 0, figure);
      const size = boxSize(box);
      sizes.push(size);
      hidden.push(size < threshold);
      published.push(false);
    }
    figureOf[box] = figure;
    const measure = box % measures;
    const provider = Math.floor(box / measures) % (allProviders + 1);
    const customer = Math.floor(box / measures / (allProviders + 1));
    const name = tree.names[measure] ?? 'all';
    if (isPublished(customer === allCustomers, provider === allProviders, name)) {
      published[figure] = true;
    }
    if (withheldCustomers[customer]) hidden[figure] = true;
  }

  // Every box with parts along a side, and those parts; lines of one figure only are no lines.
  const lines: LineEntry[] = [];
  const linesOf = sizes.map((): number[] => []);
  const addLine = (total: number, side: LineEntry['side'], partBoxes: number[]) => {
    const parts = [...new Set(partBoxes.map((box) => figureOf[box] ?? -1))].filter(
      (figure) => figure >= 0,
    );
    const totalFigure = figureOf[total] ?? -1;
    if (parts.length < 2 || totalFigure < 0) return;
    const index = lines.length;
    lines.push({ line: { total: totalFigure, parts }, totalBox: total, side, boxes: partBoxes });
    for (const figure of [totalFigure, ...parts]) linesOf[figure]?.push(index);
  };
  for (let box = 0; box < boxCount; box++) {
    if (!answered[box]) continue;
    const { customer, provider, measure } = placeOf(box);
    const answeredBoxes = (list: number[]) => list.filter((part) => answered[part]);
    if (customer === allCustomers) {
      addLine(
        box,
        'customer',
        answeredBoxes(customers.map((_, one) => boxOf(one, provider, measure))),
      );
    }
    if (provider === allProviders) {
      addLine(
        box,
        'provider',
        answeredBoxes(providers.map((_, one) => boxOf(customer, one, measure))),
      );
    }
    const below = tree.children[measure] ?? [];
    if (below.length > 0) {
      addLine(box, 'measure', answeredBoxes(below.map((one) => boxOf(customer, provider, one))));
    }
  }

  const isShown = (box: number) => {
    const figure = figureOf[box] ?? -1;
    return figure >= 0 && !hidden[figure];
  };
  /**
   * What a line's hidden parts hold that no shown box inside them covers: their union is the
   * line's total less its shown parts, and a reader can take any shown box within it away too.
   * Invited people, per customer the most of any uncovered atom, added up.
   */
  const everyIndex = (count: number) => Array.from({ length: count }, (_, index) => index);
  const allCustomerIndices = everyIndex(allCustomers);
  const allProviderIndices = everyIndex(allProviders);
  const isTop = new Uint8Array(measures);
  const leftHidden = (entry: LineEntry) => {
    const total = placeOf(entry.totalBox);
    const hiddenPlaces = entry.boxes.filter((box) => !isShown(box)).map(placeOf);
    const pick = (side: LineEntry['side'], key: 'customer' | 'provider') =>
      entry.side === side ? [...new Set(hiddenPlaces.map((place) => place[key]))] : null;
    const hiddenCustomers = pick('customer', 'customer');
    const hiddenProviders = pick('provider', 'provider');
    const tops =
      entry.side === 'measure' ? hiddenPlaces.map((place) => place.measure) : [total.measure];
    for (const measure of tops) isTop[measure] = 1;
    const everyCustomer = !hiddenCustomers && total.customer === allCustomers;
    const everyProvider = !hiddenProviders && total.provider === allProviders;
    const customerRange =
      hiddenCustomers ?? (everyCustomer ? allCustomerIndices : [total.customer]);
    const providerRange =
      hiddenProviders ?? (everyProvider ? allProviderIndices : [total.provider]);
    // Only whether it is none, under the threshold or not matters: stop once it is enough.
    let size = 0;
    for (const customer of customerRange) {
      let most = 0;
      for (const provider of providerRange) {
        for (const atom of atomsByPair[customer * allProviders + provider] ?? []) {
          if (atom.people <= most) continue;
          const { path } = atom;
          let top = -1;
          for (let step = 0; step < path.length; step++) {
            if (isTop[path[step] ?? 0]) {
              top = step;
              break;
            }
          }
          if (top < 0) continue;
          let covered = false;
          for (let step = 0; step <= top && !covered; step++) {
            const measure = path[step] ?? 0;
            covered =
              isShown(boxOf(customer, provider, measure)) ||
              (everyCustomer && isShown(boxOf(allCustomers, provider, measure))) ||
              (everyProvider && isShown(boxOf(customer, allProviders, measure))) ||
              (everyCustomer &&
                everyProvider &&
                isShown(boxOf(allCustomers, allProviders, measure)));
          }
          if (!covered) most = atom.people;
        }
      }
      size += capped(customer, most);
      if (size >= threshold) break;
    }
    for (const measure of tops) isTop[measure] = 0;
    return size;
  };
  const cover = (start: readonly number[]) =>
    coverLines(
      { hidden, published, sizes, figureOf },
      lines,
      linesOf,
      start,
      threshold,
      sizeOf,
      leftHidden,
    );

  // The lines above are one line at a time; a reader may combine several. Whatever the exact
  // audit finds can be worked out, one more shown figure it needs is withheld, lines are covered
  // again, and the audit runs again, until it finds nothing.
  const answeredAtoms = [...atoms.values()].filter((atom) =>
    atom.rows.some((row) => row.count > 0),
  );
  const firstBox = new Int32Array(sizes.length).fill(-1);
  for (let box = 0; box < boxCount; box++) {
    const figure = figureOf[box] ?? -1;
    if (figure >= 0 && firstBox[figure] === -1) firstBox[figure] = box;
  }
  const boxesOf = (atom: Atom) => {
    const boxes: number[] = [];
    for (let side = 0; side < 4; side++) {
      const customer = side < 2 ? atom.place.customer : allCustomers;
      const provider = side % 2 === 0 ? atom.place.provider : allProviders;
      for (const measure of atom.path) boxes.push(boxOf(customer, provider, measure));
    }
    return boxes;
  };
  const atomsIn = (box: number) => {
    const place = placeOf(box);
    return answeredAtoms.filter(
      (atom) =>
        (place.customer === allCustomers || place.customer === atom.place.customer) &&
        (place.provider === allProviders || place.provider === atom.place.provider) &&
        atom.path.includes(place.measure),
    );
  };
  const containing = answeredAtoms.map(boxesOf);
  // Atoms of at least the threshold first: the audit's columns go in this order.
  const atomOrder = answeredAtoms
    .map((atom, index) => ({ index, big: capped(atom.place.customer, atom.people) >= threshold }))
    .sort((a, b) => Number(b.big) - Number(a.big) || a.index - b.index)
    .map(({ index }) => index);
  const atomIndexOf = new Map(answeredAtoms.map((atom, index) => [atom, index]));
  /**
   * What the audit starts from: the hidden atoms (by their number in `answeredAtoms`), each as
   * the span sees it, and each shown figure as the hidden atoms it holds (by their place in
   * `hiddenIndices`).
   */
  const hiddenPart = () => {
    const hiddenIndices = atomOrder.filter((index) => !isShown(containing[index]?.[0] ?? 0));
    const knownSets = new Map<number, number[]>();
    for (let index = 0; index < hiddenIndices.length; index++) {
      for (const box of containing[hiddenIndices[index] ?? 0] ?? []) {
        const figure = figureOf[box] ?? -1;
        if (figure < 0 || hidden[figure]) continue;
        const set = knownSets.get(figure);
        if (!set) knownSets.set(figure, [index]);
        else if (set[set.length - 1] !== index) set.push(index);
      }
    }
    const spanAtoms = hiddenIndices.map((index) => {
      const atom = answeredAtoms[index];
      return { customer: atom.place.customer, people: capped(atom.place.customer, atom.people) };
    });
    return { hiddenIndices, knownSets, spanAtoms };
  };
  const bySize = (a: number, b: number) =>
    (sizes[a] ?? 0) - (sizes[b] ?? 0) || Number(published[a]) - Number(published[b]) || a - b;
  /** The shown figures that hold any of these hidden atoms. */
  const touching = (knownSets: ReadonlyMap<number, number[]>, involved: ReadonlySet<number>) =>
    [...knownSets]
      .filter(([, set]) => set.some((atom) => involved.has(atom)))
      .map(([figure]) => figure);

  // Withholding more only ever takes from what a reader can work out: a withheld figure found
  // out of reach stays out of reach, and once no small group can be worked out, none can later.
  const outOfReach = new Uint8Array(sizes.length);
  let noSmallGroups = false;
  /**
   * The figures to withhold next so that a reader cannot work out what they must not: one for
   * each withheld figure the shown ones add up to, and one for each small group they give away.
   */
  const audited = (): number[] => {
    let open = !noSmallGroups;
    for (let figure = 0; figure < sizes.length && !open; figure++) {
      open = hidden[figure] === true && !outOfReach[figure];
    }
    if (!open) return [];
    const { hiddenIndices, knownSets, spanAtoms } = hiddenPart();
    const span = new KnownSpan(spanAtoms, [...knownSets.values()], threshold);
    /** The smallest shown figure that holds any of these hidden atoms. */
    const pick = (involved: ReadonlySet<number>) => touching(knownSets, involved).sort(bySize)[0];
    const next = new Set<number>();
    const add = (figure: number | undefined) => {
      if (figure !== undefined) next.add(figure);
    };

    // A withheld figure must not be worked out: its sums over the right-angle vectors, added up
    // atom by atom, rule out nearly all at once.
    const [one = new Int32Array(), other = new Int32Array()] = span.angles;
    const sums = [new Float64Array(sizes.length), new Float64Array(sizes.length)] as const;
    for (let index = 0; index < hiddenIndices.length; index++) {
      let last = -1;
      for (const box of containing[hiddenIndices[index] ?? 0] ?? []) {
        const figure = figureOf[box] ?? -1;
        if (figure < 0 || !hidden[figure] || figure === last) continue;
        last = figure;
        sums[0][figure] += one[index] ?? 0;
        sums[1][figure] += other[index] ?? 0;
      }
    }
    for (let figure = 0; figure < sizes.length; figure++) {
      if (!hidden[figure] || outOfReach[figure]) continue;
      if (!KnownSpan.mayHold([sums[0][figure] ?? 0, sums[1][figure] ?? 0])) {
        outOfReach[figure] = 1;
        continue;
      }
      const inside = atomsIn(firstBox[figure] ?? -1);
      const set = hiddenIndices.flatMap((atomIndex, index) =>
        inside.includes(answeredAtoms[atomIndex]) ? [index] : [],
      );
      if (!span.holds(set)) {
        outOfReach[figure] = 1;
        continue;
      }
      if (set.length > 0) add(pick(new Set(set)));
      else {
        // Every answer of it is shown one by one: withhold the smallest of those.
        add(
          inside
            .map((atom) => figureOf[containing[atomIndexOf.get(atom) ?? -1]?.[0] ?? -1] ?? -1)
            .filter((shown) => shown >= 0 && !hidden[shown])
            .sort(bySize)[0],
        );
      }
    }
    if (!noSmallGroups) {
      const groups = span.smallSets();
      for (const found of groups) add(pick(new Set(found.atoms)));
      noSmallGroups = groups.length === 0;
    }
    return [...next];
  };
  const settle = (start: readonly number[]) => {
    cover(start);
    for (let figures = audited(); figures.length > 0; figures = audited()) {
      for (const figure of figures) hidden[figure] = true;
      cover(figures.flatMap((figure) => linesOf[figure] ?? []));
    }
  };
  settle(lines.map((_, index) => index));

  const tallies = new Map<number, Tally>();
  return {
    customers,
    providers,
    withhold(keys) {
      const start: number[] = [];
      let grown = false;
      for (const key of keys) {
        const figure = figureOf[boxOfKey(key)] ?? -1;
        if (figure < 0 || hidden[figure]) continue;
        hidden[figure] = true;
        grown = true;
        start.push(...(linesOf[figure] ?? []));
      }
      if (grown) settle(start);
      return grown;
    },
    auditWith(extra) {
      const { hiddenIndices, knownSets, spanAtoms } = hiddenPart();
      const position = new Map(hiddenIndices.map((atomIndex, index) => [atomIndex, index]));
      const offset = hiddenIndices.length;
      const extraCustomers = numbering<string>();
      const customerOf = (department: string) =>
        customerIndex.get(department) ?? allCustomers + extraCustomers.of(department);
      const atomsOfBox = (key: string) => {
        const box = boxOfKey(key);
        if (box < 0) return [];
        return atomsIn(box).flatMap((atom) => {
          const index = position.get(atomIndexOf.get(atom) ?? -1);
          return index === undefined ? [] : [index];
        });
      };
      const extraSets = extra.known.map((set) => [
        ...new Set([...set.boxes.flatMap(atomsOfBox), ...set.atoms.map((atom) => offset + atom)]),
      ]);
      const span = new KnownSpan(
        [
          ...spanAtoms,
          ...extra.atoms.map((atom) => ({
            customer: customerOf(atom.department),
            people: atom.people,
          })),
        ],
        [...knownSets.values(), ...extraSets],
        threshold,
      );
      const boxes = new Set<number>();
      const picked = new Set<number>();
      for (const found of span.smallSets()) {
        const involved = new Set(found.atoms);
        const cube = touching(knownSets, involved).map((figure) => ({
          figure,
          index: -1,
          size: sizes[figure] ?? 0,
        }));
        const other = extraSets
          .map((set, index) => ({ set, index }))
          .filter(
            ({ set, index }) => extra.withholdable(index) && set.some((atom) => involved.has(atom)),
          )
          .map(({ index }) => ({ figure: -1, index, size: extra.known[index]?.size ?? 0 }));
        const choice = [...cube, ...other].sort((a, b) => a.size - b.size)[0];
        if (choice && choice.figure >= 0) boxes.add(choice.figure);
        else if (choice) picked.add(choice.index);
      }
      for (const figure of boxes) hidden[figure] = true;
      if (boxes.size > 0) settle([...boxes].flatMap((figure) => linesOf[figure] ?? []));
      return { grown: boxes.size > 0, extra: [...picked] };
    },
    reading(customer, provider, measure) {
      const box = boxAt(customer, provider, measure);
      if (box < 0) return empty;
      const place = placeOf(box);
      const figure = figureOf[box] ?? -1;
      if (figure < 0) return empty;
      if (hidden[figure]) return withheld;
      let tally = tallies.get(box);
      if (!tally) {
        tally = emptyTally();
        const leaves = tree.leaves[place.measure] ?? new Set<string>();
        for (let one = 0; one < allCustomers; one++) {
          if (place.customer !== allCustomers && place.customer !== one) continue;
          for (let other = 0; other < allProviders; other++) {
            if (place.provider !== allProviders && place.provider !== other) continue;
            for (const atom of atomsByPair[one * allProviders + other] ?? []) {
              for (const row of atom.rows) if (leaves.has(row.questionId)) addRow(tally, row);
            }
          }
        }
        tallies.set(box, tally);
      }
      const question = measure.startsWith('q:') ? tree.paths.get(measure.slice(2)) : undefined;
      return tallyReading(tally, question?.measure ?? 'score', true);
    },
  };
}

/**
 * Withholds more figures until every line is covered: none hides exactly one of its figures, and
 * where its total is known, the parts it hides hold at least the threshold together, and so does
 * what is left of them once every shown box inside them is taken away (or nothing). A line
 * withholds the smallest part a page shows, else its total, else (a sum only a reader could work
 * out) the smallest such part, which then needs cover of its own.
 */
function coverLines(
  figures: { hidden: boolean[]; published: boolean[]; sizes: number[]; figureOf: Int32Array },
  lines: readonly LineEntry[],
  linesOf: readonly number[][],
  start: readonly number[],
  threshold: number,
  sizeOf: (boxes: readonly number[]) => number,
  leftHidden: (entry: LineEntry) => number,
): void {
  const { hidden, published, sizes, figureOf } = figures;
  // What a line leaves hidden only grows as more is withheld: once it reaches the threshold, it
  // need not be worked out again.
  const enoughLeft = new Uint8Array(lines.length);
  const uncovered = (entry: LineEntry, index: number) => {
    const { line, boxes } = entry;
    let hiddenParts = 0;
    for (const part of line.parts) if (hidden[part]) hiddenParts++;
    const hiddenCount = hiddenParts + (hidden[line.total] ? 1 : 0);
    if (hiddenCount === 1) return true;
    if (hidden[line.total] || hiddenParts === 0 || enoughLeft[index]) return false;
    if (sizeOf(boxes.filter((box) => hidden[figureOf[box] ?? -1])) < threshold) return true;
    const left = leftHidden(entry);
    if (left >= threshold) enoughLeft[index] = 1;
    return left > 0 && left < threshold;
  };
  const smallest = (ids: readonly number[]) =>
    [...ids].sort((a, b) => (sizes[a] ?? 0) - (sizes[b] ?? 0) || a - b)[0];
  const next = (line: Line): number => {
    const open = line.parts.filter((id) => !hidden[id]);
    const shownPart = smallest(open.filter((id) => published[id]));
    if (shownPart !== undefined) return shownPart;
    if (!hidden[line.total] && published[line.total]) return line.total;
    return smallest(open) ?? line.total;
  };
  const queue = [...new Set(start)];
  const queued = new Set(queue);
  while (queue.length > 0) {
    const index = queue.pop() as number;
    queued.delete(index);
    const entry = lines[index];
    if (!entry) continue;
    while (uncovered(entry, index)) {
      const id = next(entry.line);
      hidden[id] = true;
      for (const other of linesOf[id] ?? []) {
        if (other !== index && !queued.has(other)) {
          queued.add(other);
          queue.push(other);
        }
      }
    }
  }
}
function xorshift(seed: number): () => number {
  let state = seed >>> 0 || 1;
  const next32 = () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return state >>> 0;
  };
  return next32;
}
