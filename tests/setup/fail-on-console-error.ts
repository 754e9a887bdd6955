import { afterEach, beforeEach, expect } from 'vitest';

// A console.error during a test is a bug we would otherwise scroll past: fail the test on it.
let errors: unknown[][] = [];
const original = console.error;

beforeEach(() => {
  errors = [];
  console.error = (...args: unknown[]) => {
    errors.push(args);
    original(...args);
  };
});

afterEach(() => {
  console.error = original;
  expect(errors, 'console.error was called during the test').toEqual([]);
});
