// What a reader can work out by combining shown figures, checked exactly. Each shown figure is a
// sum over a set of the smallest groups of answers (atoms); a reader who adds and subtracts shown
// figures, several lines at once ("two columns less a row"), learns the figures of every set of
// atoms whose indicator is a linear combination of shown sets. Atoms a shown figure names on its
// own are known outright, so only the hidden atoms matter: the shown sets, cut down to hidden
// atoms, span what can be worked out about them. Two things must not be in that span: a set of
// fewer people than the threshold (other than none), and a withheld figure's set — a figure one
// page withholds must not be worked out from others.
//
// The span is taken modulo a prime, so that numbers stay exact and small. A set the rational span
// holds is always held modulo the prime too, so nothing that can be worked out is missed; the
// prime may, very rarely, find a combination that does not exist over the rationals, which only
// withholds more.

// Below 2^15, so a product of two residues is a small integer and the arithmetic stays in V8's
// fast integers.
const prime = 32_749;

export interface AuditInput {
  threshold: number;
  /** Hidden atoms: the answering department's number and its invited people who answered. */
  atoms: readonly { customer: number; people: number }[];
  /** Shown figures, each as the hidden atoms it holds (empty ones may be left out). */
  known: readonly (readonly number[])[];
  /** Withheld figures, each as the hidden atoms it holds: none may be worked out. */
  withheld: readonly (readonly number[])[];
  /** Search budget per group of small atoms before giving up and calling it found. */
  budget?: number;
}

/**
 * A set a reader can work out that must stay hidden: fewer people than the threshold (`small`),
 * a withheld figure (`withheld`, with its index), or a group too tangled to search (`tangled`),
 * each with the hidden atoms involved.
 */
export type Finding =
  | { kind: 'small'; atoms: number[] }
  | { kind: 'withheld'; index: number; atoms: number[] }
  | { kind: 'tangled'; atoms: number[] };

/** A sparse row modulo the prime: its columns in increasing order and their values. */
interface Row {
  cols: number[];
  vals: number[];
}

function inverse(value: number): number {
  // Fermat: value^(p-2) mod p.
  let result = 1;
  let base = value % prime;
  for (let exponent = prime - 2; exponent > 0; exponent = Math.floor(exponent / 2)) {
    if (exponent % 2 === 1) result = (result * base) % prime;
    base = (base * base) % prime;
  }
  return result;
}

/** `row - factor × basis`, both sparse. */
function subtract(row: Row, factor: number, basis: Row): Row {
  const cols: number[] = [];
  const vals: number[] = [];
  let i = 0;
  let j = 0;
  while (i < row.cols.length || j < basis.cols.length) {
    const a = row.cols[i] ?? Infinity;
    const b = basis.cols[j] ?? Infinity;
    let col: number;
    let val: number;
    if (a < b) {
      col = a;
      val = row.vals[i++] ?? 0;
    } else if (b < a) {
      col = b;
      val = (prime - ((factor * (basis.vals[j++] ?? 0)) % prime)) % prime;
    } else {
      col = a;
      val = ((row.vals[i++] ?? 0) + prime - ((factor * (basis.vals[j++] ?? 0)) % prime)) % prime;
    }
    if (val !== 0) {
      cols.push(col);
      vals.push(val);
    }
  }
  return { cols, vals };
}

function scaled(row: Row, factor: number): Row {
  return { cols: row.cols, vals: row.vals.map((val) => (val * factor) % prime) };
}

/** An echelon basis of the span, by pivot column; each basis row has 1 at its pivot. */
class Echelon {
  readonly rows = new Map<number, Row>();
  private readonly byPivot: (Row | undefined)[];
  /**
   * A dense scratch row: reducing a long row in place costs no copy per basis row taken away.
   * Its entries are taken modulo the prime only when read — a product of two residues is below
   * 2^30, so millions of them add up exactly in a double.
   */
  private readonly scratch: Float64Array;
  /** Which entries of the scratch row may be non-zero, 32 columns a word, to skip the rest. */
  private readonly marks: Uint32Array;

  constructor(columns: number) {
    this.byPivot = new Array<Row | undefined>(columns);
    this.scratch = new Float64Array(columns);
    this.marks = new Uint32Array((columns >>> 5) + 1);
  }

  /** What is left of a row once the basis is taken away: nothing if the span holds it. */
  reduce(start: Row): Row {
    const { scratch: dense, marks } = this;
    const mark = (col: number) => {
      marks[col >>> 5] = (marks[col >>> 5] ?? 0) | (1 << (col & 31));
    };
    for (let at = 0; at < start.cols.length; at++) {
      const col = start.cols[at] ?? 0;
      dense[col] = start.vals[at] ?? 0;
      mark(col);
    }
    const cols: number[] = [];
    const vals: number[] = [];
    // Columns only ever get marked after the one being read (a basis row starts at its pivot),
    // so one pass over the words, rereading the current word, meets every one in order.
    for (let word = (start.cols[0] ?? 0) >>> 5; word < marks.length;) {
      const bits = marks[word] ?? 0;
      if (bits === 0) {
        word++;
        continue;
      }
      const bit = 31 - Math.clz32(bits & -bits);
      marks[word] = bits & ~(1 << bit);
      const col = (word << 5) | bit;
      const value = (((dense[col] ?? 0) % prime) + prime) % prime;
      dense[col] = 0;
      if (value === 0) continue;
      const basis = this.byPivot[col];
      if (!basis) {
        cols.push(col);
        vals.push(value);
        continue;
      }
      // The basis row starts at `col` with 1: taking `value` of it clears `col`.
      for (let at = 1; at < basis.cols.length; at++) {
        const other = basis.cols[at] ?? 0;
        dense[other] = (dense[other] ?? 0) - value * (basis.vals[at] ?? 0);
        mark(other);
      }
    }
    return { cols, vals };
  }

  add(start: Row): void {
    const row = this.reduce(start);
    const lead = row.cols[0];
    if (lead === undefined) return;
    const basis = scaled(row, inverse(row.vals[0] ?? 1));
    this.rows.set(lead, basis);
    this.byPivot[lead] = basis;
  }
}

/** A set as a row of ones, its atoms put in column order. */
const setRow = (atoms: readonly number[], position: Int32Array): Row => {
  const cols = atoms.map((atom) => position[atom] ?? 0);
  let sorted = true;
  for (let at = 1; at < cols.length && sorted; at++) sorted = (cols[at - 1] ?? 0) < (cols[at] ?? 0);
  if (!sorted) cols.sort((a, b) => a - b);
  return { cols, vals: new Array<number>(cols.length).fill(1) };
};

/**
 * Random vectors at right angles to the span: a set whose sum over one of them is not zero is
 * certainly not in the span, so only the rare others need the exact reduction. Each is found from
 * the echelon rows, pivots last to first, with random values at the other columns.
 */
function rightAngles(echelon: Echelon, columns: number, count: number): Int32Array[] {
  const pivots = [...echelon.rows.keys()].sort((a, b) => b - a);
  const vectors: Int32Array[] = [];
  let state = 0x2545f491;
  const random = () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) % prime;
  };
  for (let made = 0; made < count; made++) {
    const vector = new Int32Array(columns);
    for (let col = 0; col < columns; col++) vector[col] = random();
    for (const pivot of pivots) {
      const row = echelon.rows.get(pivot);
      if (!row) continue;
      let sum = 0;
      for (let at = 1; at < row.cols.length; at++) {
        sum = (sum + (row.vals[at] ?? 0) * (vector[row.cols[at] ?? 0] ?? 0)) % prime;
      }
      vector[pivot] = (prime - sum) % prime;
    }
    vectors.push(vector);
  }
  return vectors;
}

/**
 * The span of the shown sets over the hidden atoms, built once per audit: whether it holds a set,
 * and the small sets it holds.
 */
export class KnownSpan {
  private readonly echelon: Echelon;
  private readonly position: Int32Array;
  private readonly order: number[];
  private readonly smallFrom: number;
  /**
   * Two random vectors at right angles to the span, by atom: a set whose sum over either is not
   * zero modulo `prime` is certainly not in the span, so only the rare others need `holds`.
   */
  readonly angles: Int32Array[];

  constructor(
    private readonly atoms: AuditInput['atoms'],
    known: AuditInput['known'],
    private readonly threshold: number,
  ) {
    // Atoms of at least the threshold can never be in a small set: they come first in the column
    // order, so the echelon rows that start after them hold none of them — those rows span every
    // combination made of small atoms only.
    const small = atoms.map((atom) => atom.people < threshold);
    this.order = atoms.map((_, index) => index);
    this.order.sort((a, b) => Number(small[a]) - Number(small[b]) || a - b);
    this.position = new Int32Array(atoms.length);
    for (const [at, atom] of this.order.entries()) this.position[atom] = at;
    const firstSmall = this.order.findIndex((atom) => small[atom]);
    this.smallFrom = firstSmall < 0 ? atoms.length : firstSmall;
    this.echelon = new Echelon(atoms.length);
    // Short sets first: the basis rows they leave are short, so the long sets that follow are
    // reduced by short rows and fill in little.
    const byLength = known.filter((set) => set.length > 0).sort((x, y) => x.length - y.length);
    for (const set of byLength) this.echelon.add(setRow(set, this.position));
    this.angles = rightAngles(this.echelon, atoms.length, 2).map((vector) =>
      Int32Array.from(atoms, (_, atom) => vector[this.position[atom] ?? 0] ?? 0),
    );
  }

  /** Whether the sums of these numbers, one per right-angle vector, leave a set in the span. */
  static mayHold(sums: readonly number[]): boolean {
    return sums.every((sum) => sum % prime === 0);
  }

  /** Whether the span holds this set of atoms exactly (the empty set always). */
  holds(set: readonly number[]): boolean {
    return this.echelon.reduce(setRow(set, this.position)).cols.length === 0;
  }

  /**
   * Sets of fewer people than the threshold (but some) that the span holds: one for each group of
   * small atoms that has any, or the group itself when it is too tangled to search.
   */
  smallSets(budget = 20_000): Finding[] {
    const rows = [...this.echelon.rows.entries()]
      .filter(([pivot]) => pivot >= this.smallFrom)
      .map(([pivot, row]) => ({ pivot, row }));
    return searchSmallSets(rows, this.order, this.atoms, this.threshold, budget);
  }
}

/** Every withheld figure that can be worked out, then the small sets that can. */
export function findWorkedOut(input: AuditInput): Finding[] {
  const span = new KnownSpan(input.atoms, input.known, input.threshold);
  const findings: Finding[] = [];
  for (const [index, set] of input.withheld.entries()) {
    const sums = span.angles.map((vector) =>
      set.reduce((sum, atom) => sum + (vector[atom] ?? 0), 0),
    );
    if (KnownSpan.mayHold(sums) && span.holds(set)) {
      findings.push({ kind: 'withheld', index, atoms: [...set] });
    }
  }
  return [...findings, ...span.smallSets(input.budget)];
}

/**
 * Every 0/1 combination the small rows span, searched group by group: in reduced form a
 * combination is fixed by which pivots it takes, and it is a set when every other column adds up
 * to 0 or 1.
 */
function searchSmallSets(
  rows: { pivot: number; row: Row }[],
  order: readonly number[],
  atoms: AuditInput['atoms'],
  threshold: number,
  budget: number,
): Finding[] {
  if (rows.length === 0) return [];
  // Reduce fully: take each pivot out of the rows above it.
  rows.sort((a, b) => a.pivot - b.pivot);
  for (let lower = rows.length - 1; lower >= 0; lower--) {
    const basis = rows[lower];
    if (!basis) continue;
    for (let upper = 0; upper < lower; upper++) {
      const entry = rows[upper];
      if (!entry) continue;
      const at = entry.row.cols.indexOf(basis.pivot);
      if (at >= 0) entry.row = subtract(entry.row, entry.row.vals[at] ?? 0, basis.row);
    }
  }
  // Groups of rows sharing columns are searched apart.
  const parent = rows.map((_, index) => index);
  const root = (index: number): number => {
    let at = index;
    while (parent[at] !== at) at = parent[at] = parent[parent[at] ?? at] ?? at;
    return at;
  };
  const ownerOf = new Map<number, number>();
  for (const [index, { row }] of rows.entries()) {
    for (const col of row.cols) {
      const owner = ownerOf.get(col);
      if (owner === undefined) ownerOf.set(col, index);
      else parent[root(owner)] = root(index);
    }
  }
  const groups = new Map<number, number[]>();
  for (let index = 0; index < rows.length; index++) {
    const key = root(index);
    const group = groups.get(key);
    if (group) group.push(index);
    else groups.set(key, [index]);
  }
  const findings: Finding[] = [];
  for (const members of groups.values()) {
    const found = searchGroup(
      members.map((index) => rows[index]),
      order,
      atoms,
      threshold,
      budget,
    );
    if (found) findings.push(found);
  }
  return findings;
}

function searchGroup(
  rows: readonly { pivot: number; row: Row }[],
  order: readonly number[],
  atoms: AuditInput['atoms'],
  threshold: number,
  budget: number,
): Finding | undefined {
  const atomAt = (col: number) => order[col] ?? 0;
  const pivots = new Set(rows.map(({ pivot }) => pivot));
  // Free columns: their value is what the taken rows add up to there; each is settled once the
  // last row holding it is decided.
  const free = new Map<number, number>();
  const closing: number[][] = rows.map(() => []);
  for (const [index, { row }] of rows.entries()) {
    for (const col of row.cols) if (!pivots.has(col)) free.set(col, index);
  }
  for (const [col, last] of free) closing[last]?.push(col);
  const value = new Map<number, number>([...free.keys()].map((col) => [col, 0]));
  const taken: boolean[] = rows.map(() => false);
  let nodes = 0;
  let tangled = false;

  /** Invited people of a set of atoms: per department the most of any one atom, added up. */
  const sizeOf = (cols: Iterable<number>) => {
    const most = new Map<number, number>();
    for (const col of cols) {
      const atom = atoms[atomAt(col)];
      if (!atom) continue;
      if (atom.people > (most.get(atom.customer) ?? 0)) most.set(atom.customer, atom.people);
    }
    let size = 0;
    for (const people of most.values()) size += people;
    return size;
  };
  const takenPivots = () => rows.filter((_, index) => taken[index]).map(({ pivot }) => pivot);

  const visit = (depth: number, any: boolean): number[] | undefined => {
    if (++nodes > budget) {
      tangled = true;
      return undefined;
    }
    if (depth === rows.length) {
      if (!any) return undefined;
      const set = [...takenPivots(), ...[...value].filter(([, v]) => v === 1).map(([col]) => col)];
      const size = sizeOf(set);
      return size > 0 && size < threshold ? set : undefined;
    }
    const entry = rows[depth];
    if (!entry) return undefined;
    for (const take of [false, true]) {
      if (take) {
        taken[depth] = true;
        // The pivots alone already hold this many: no set grown from here is small.
        if (sizeOf(takenPivots()) >= threshold) {
          taken[depth] = false;
          continue;
        }
        for (const [at, col] of entry.row.cols.entries()) {
          if (free.has(col)) {
            value.set(col, ((value.get(col) ?? 0) + (entry.row.vals[at] ?? 0)) % prime);
          }
        }
      }
      const settled = (closing[depth] ?? []).every((col) => {
        const v = value.get(col) ?? 0;
        return v === 0 || v === 1;
      });
      const found = settled ? visit(depth + 1, any || take) : undefined;
      if (take) {
        for (const [at, col] of entry.row.cols.entries()) {
          if (free.has(col)) {
            value.set(col, ((value.get(col) ?? 0) + prime - (entry.row.vals[at] ?? 0)) % prime);
          }
        }
        taken[depth] = false;
      }
      if (found) return found;
      if (tangled) return undefined;
    }
    return undefined;
  };
  const found = visit(0, false);
  if (found) return { kind: 'small', atoms: found.map(atomAt) };
  if (tangled) {
    const cols = new Set(rows.flatMap(({ row }) => row.cols));
    return { kind: 'tangled', atoms: [...cols].map(atomAt) };
  }
  return undefined;
}
