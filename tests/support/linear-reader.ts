// A reader who adds and subtracts shown figures in any combination, several lines at once: they
// learn a set of atoms exactly when its indicator is a linear combination of the shown sets. The
// anonymity property tests ask this reader about withheld figures and small groups. It works
// modulo a prime near 2^25 (products stay exact in a double), with dense elimination to reduced
// form: small worlds only.

const prime = 33_554_393;

const mod = (value: number) => ((value % prime) + prime) % prime;

function inverse(value: number): number {
  let result = 1;
  let base = mod(value);
  for (let exponent = prime - 2; exponent > 0; exponent = Math.floor(exponent / 2)) {
    if (exponent % 2 === 1) result = (result * base) % prime;
    base = (base * base) % prime;
  }
  return result;
}

export interface LinearReader {
  /** Whether the shown sets combine to exactly this set of atoms. */
  knows(atoms: Iterable<string>): boolean;
}

export function linearReader(shown: readonly (readonly string[])[]): LinearReader {
  const names = [...new Set(shown.flat())];
  const column = new Map(names.map((name, index) => [name, index]));
  const rows = shown.map((set) => {
    const row = new Array<number>(names.length).fill(0);
    for (const atom of set) row[column.get(atom) ?? 0] = 1;
    return row;
  });
  // Reduced row echelon form.
  const pivots: number[] = [];
  let rank = 0;
  for (let col = 0; col < names.length && rank < rows.length; col++) {
    const found = rows.findIndex((row, index) => index >= rank && (row[col] ?? 0) !== 0);
    if (found < 0) continue;
    [rows[rank], rows[found]] = [rows[found], rows[rank]];
    const pivotRow = rows[rank];
    const scale = inverse(pivotRow[col] ?? 1);
    for (let at = 0; at < names.length; at++) pivotRow[at] = ((pivotRow[at] ?? 0) * scale) % prime;
    for (const [index, row] of rows.entries()) {
      if (index === rank || (row[col] ?? 0) === 0) continue;
      const factor = row[col] ?? 0;
      for (let at = 0; at < names.length; at++) {
        row[at] = mod((row[at] ?? 0) - ((factor * (pivotRow[at] ?? 0)) % prime));
      }
    }
    pivots.push(col);
    rank++;
  }
  // The null space: one vector per column without a pivot. A set is in the span exactly when it
  // is at right angles to all of them.
  const isPivot = new Set(pivots);
  const nullVectors: number[][] = [];
  for (let free = 0; free < names.length; free++) {
    if (isPivot.has(free)) continue;
    const vector = new Array<number>(names.length).fill(0);
    vector[free] = 1;
    for (const [index, pivot] of pivots.entries()) {
      vector[pivot] = mod(-(rows[index]?.[free] ?? 0));
    }
    nullVectors.push(vector);
  }
  return {
    knows(atoms) {
      const cols: number[] = [];
      for (const atom of atoms) {
        const col = column.get(atom);
        // An atom no shown set holds cannot be worked out.
        if (col === undefined) return false;
        cols.push(col);
      }
      return nullVectors.every(
        (vector) => cols.reduce((sum, col) => sum + (vector[col] ?? 0), 0) % prime === 0,
      );
    },
  };
}

/**
 * Every group of one to three atoms holding some people but fewer than the threshold, for a test
 * to ask a reader about. `sizeOf` must not shrink as a group grows, so atoms of the threshold or
 * more are left out at once.
 */
export function smallGroups(
  atoms: readonly string[],
  sizeOf: (group: readonly string[]) => number,
  threshold: number,
): { group: string[]; size: number }[] {
  const small = atoms.filter((atom) => sizeOf([atom]) < threshold);
  const groups: { group: string[]; size: number }[] = [];
  const consider = (group: string[]) => {
    const size = sizeOf(group);
    if (size > 0 && size < threshold) groups.push({ group, size });
  };
  for (const [first, one] of small.entries()) {
    consider([one]);
    for (const [second, two] of small.entries()) {
      if (second <= first) continue;
      consider([one, two]);
      for (const three of small.slice(second + 1)) consider([one, two, three]);
    }
  }
  return groups;
}
