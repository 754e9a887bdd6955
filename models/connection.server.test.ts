import { describe, expect, it } from 'vitest';

import { databaseNameIn, hostsOf } from './connection.server';

describe('hostsOf', () => {
  it.each([
    ['mongodb://localhost:27017', 'mongodb://localhost:27017'],
    [
      'mongodb://admin:s3cret@db1:27017,db2:27017/innerloop?replicaSet=rs0',
      'mongodb://db1:27017,db2:27017',
    ],
    [
      'mongodb+srv://user:p%40ss@cluster0.example.net/?retryWrites=true',
      'mongodb+srv://cluster0.example.net',
    ],
  ])('shows %s as %s, never the credentials', (uri, expected) => {
    expect(hostsOf(uri)).toBe(expected);
  });
});

describe('databaseNameIn', () => {
  it.each([
    ['mongodb://localhost:27017', undefined],
    ['mongodb://localhost:27017/', undefined],
    ['mongodb://localhost:27017/?w=majority', undefined],
    ['mongodb://u:p@localhost/innerloop?w=majority', 'innerloop'],
    ['mongodb+srv://cluster0.example.net/pulse', 'pulse'],
  ])('reads the database of %s', (uri, expected) => {
    expect(databaseNameIn(uri)).toBe(expected);
  });
});
