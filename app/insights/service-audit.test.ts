import { describe, expect, it } from 'vitest';

import { findWorkedOut } from './service-audit';

// Hidden cells of a grid: rows are answering departments, columns services. a and b are one small
// department's ratings of two services; c and d a large department's.
//          service 1   service 2
//   small      a           b
//   large      c           d
const atoms = [
  { customer: 0, people: 1 }, // a
  { customer: 0, people: 1 }, // b
  { customer: 1, people: 6 }, // c
  { customer: 1, people: 6 }, // d
];
const [a, b, c, d] = [0, 1, 2, 3];

describe('findWorkedOut', () => {
  it('finds two columns less a row', () => {
    // What the two columns and the large row hide: column 1 less its shown cells is a + c, and
    // so on. No line alone gives a or b away, yet column 1 + column 2 − the large row is a + b.
    const found = findWorkedOut({
      threshold: 5,
      atoms,
      known: [
        [a, c],
        [b, d],
        [c, d],
      ],
      withheld: [],
    });
    expect(found.map(({ kind }) => kind)).toEqual(['small']);
    expect([...(found[0]?.atoms ?? [])].sort()).toEqual([a, b]);
  });

  it('finds nothing when the lines do not combine to a small group', () => {
    expect(
      findWorkedOut({
        threshold: 5,
        atoms,
        known: [
          [a, c],
          [b, d],
        ],
        withheld: [],
      }),
    ).toEqual([]);
    // Enough people in the small department: a + b is no small group.
    expect(
      findWorkedOut({
        threshold: 5,
        atoms: atoms.map((atom) => ({ ...atom, people: 6 })),
        known: [
          [a, c],
          [b, d],
          [c, d],
        ],
        withheld: [],
      }),
    ).toEqual([]);
  });

  it('finds a withheld figure that other figures add up to', () => {
    const found = findWorkedOut({
      threshold: 5,
      atoms: atoms.map((atom) => ({ ...atom, people: 6 })),
      known: [
        [a, c],
        [b, d],
        [c, d],
      ],
      withheld: [[c], [a, b]],
    });
    expect(found).toEqual([{ kind: 'withheld', index: 1, atoms: [a, b] }]);
  });

  it('finds one small atom that a large line less a large part leaves', () => {
    const e = 4;
    const found = findWorkedOut({
      threshold: 5,
      atoms: [...atoms, { customer: 2, people: 6 }],
      known: [
        [a, c, e],
        [c, e],
      ],
      withheld: [],
    });
    expect(found).toEqual([{ kind: 'small', atoms: [a] }]);
  });

  it('calls a group too tangled to search found rather than safe', () => {
    // Twenty atoms of kiosk answers only (no invited people), tied in a chain by known pairs:
    // every combination is allowed, and the 2^19 of them exceed a budget of 100 steps.
    const kiosk = Array.from({ length: 20 }, (_, index) => ({ customer: index, people: 0 }));
    const chain = kiosk.slice(1).map((_, index) => [index, index + 1]);
    const found = findWorkedOut({
      threshold: 5,
      atoms: kiosk,
      known: chain,
      withheld: [],
      budget: 100,
    });
    expect(found.map(({ kind }) => kind)).toEqual(['tangled']);
    expect(
      findWorkedOut({ threshold: 5, atoms: kiosk, known: chain, withheld: [], budget: 2 ** 21 }),
    ).toEqual([]);
  });
});
