/** Shared documents for the find suites. */
export type Person = {
  _id: number;
  name: string;
  dept?: string;
  age?: number;
  tags?: string[];
  address?: { city: string; zip?: string };
  scores?: { subject: string; score: number }[];
};

export const people: Person[] = [
  {
    _id: 1,
    name: 'Ada',
    dept: 'eng',
    age: 36,
    tags: ['lead', 'math'],
    address: { city: 'London', zip: 'N1' },
    scores: [
      { subject: 'math', score: 95 },
      { subject: 'art', score: 60 },
    ],
  },
  {
    _id: 2,
    name: 'Brian',
    dept: 'eng',
    age: 28,
    tags: ['ops'],
    address: { city: 'Paris' },
    scores: [{ subject: 'math', score: 70 }],
  },
  {
    _id: 3,
    name: 'carla',
    dept: 'sales',
    age: 41,
    tags: [],
    address: { city: 'London' },
    scores: [],
  },
  {
    _id: 4,
    name: 'Dmitri',
    dept: 'sales',
    age: 28,
    tags: ['lead'],
    scores: [{ subject: 'art', score: 90 }],
  },
  { _id: 5, name: 'Eve', age: 50 },
];

export const mixedValues = (): { _id: number; v: unknown }[] => [
  { _id: 1, v: 'b' },
  { _id: 2, v: 10 },
  { _id: 3, v: null },
  { _id: 4, v: { a: 1 } },
  { _id: 5, v: true },
  { _id: 6, v: 2.5 },
  { _id: 7, v: new Date(0) },
  { _id: 8, v: 'a' },
];

export const ids = (docs: { _id?: unknown }[]): unknown[] => docs.map((d) => d._id);
