import { compareValues, type Doc, valuesAtPath } from './values.js';

/**
 * Sorts documents as MongoDB does: an array field sorts by its smallest element ascending and by
 * its largest descending, a missing field as null, and equal keys keep their order.
 */
export function sortDocs(docs: Doc[], spec: Doc, compare = compareValues): Doc[] {
  const fields = Object.entries(spec).map(([path, direction]) => ({
    path,
    descending: direction === -1,
  }));
  const keyed = docs.map((doc, position) => ({
    doc,
    position,
    keys: fields.map(({ path, descending }) => sortKey(doc, path, descending, compare)),
  }));
  keyed.sort((a, b) => {
    for (let i = 0; i < fields.length; i++) {
      const order = compare(a.keys[i], b.keys[i]);
      if (order !== 0) return fields[i].descending ? -order : order;
    }
    return a.position - b.position;
  });
  return keyed.map((entry) => entry.doc);
}

function sortKey(
  doc: Doc,
  path: string,
  descending: boolean,
  compare: (a: unknown, b: unknown) => number,
): unknown {
  const values = valuesAtPath(doc, path).map((value) => (value === undefined ? null : value));
  let key = values[0] ?? null;
  for (const value of values.slice(1)) {
    const order = compare(value, key);
    if (descending ? order > 0 : order < 0) key = value;
  }
  return key;
}
