// What a reader can work out from figures they are shown, each figure a set of atoms (the
// smallest groups of answers, e.g. one department's ratings of one service on one driver): the
// anonymity property tests check no such set is a group below the threshold.

const maxSets = 4000;

/**
 * The sets a reader can work out from one family's shown sets: unions of disjoint shown sets
 * inside one shown set, then differences of nested sets, until nothing new appears.
 */
export function derivedSets(shown: readonly string[][]): Map<string, Set<string>> {
  const sets = new Map<string, Set<string>>();
  const add = (atoms: Iterable<string>) => {
    const set = new Set(atoms);
    if (set.size === 0 || sets.size >= maxSets) return false;
    const key = [...set].sort().join(',');
    if (sets.has(key)) return false;
    sets.set(key, set);
    return true;
  };
  const originals = shown.map((atoms) => new Set(atoms));
  for (const atoms of originals) add(atoms);
  const within = (inner: Set<string>, outer: Set<string>) =>
    inner.size <= outer.size && [...inner].every((atom) => outer.has(atom));
  for (const total of originals) {
    const parts = originals.filter(
      (set) => set !== total && set.size < total.size && within(set, total),
    );
    let unions: Set<string>[] = parts;
    for (let depth = 0; depth < parts.length && unions.length > 0; depth++) {
      const grown: Set<string>[] = [];
      for (const union of unions) {
        for (const part of parts) {
          if ([...part].some((atom) => union.has(atom))) continue;
          const joined = new Set([...union, ...part]);
          if (add(joined)) grown.push(joined);
        }
      }
      unions = grown;
    }
  }
  for (let grown = true; grown && sets.size < maxSets;) {
    grown = false;
    const list = [...sets.values()];
    for (const inner of list) {
      for (const outer of list) {
        if (inner === outer || !within(inner, outer)) continue;
        if (add([...outer].filter((atom) => !inner.has(atom)))) grown = true;
      }
    }
  }
  return sets;
}
