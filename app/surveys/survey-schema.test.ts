import { describe, expect, it } from 'vitest';

import { questionTypes } from '../../models/vocabulary';
import { question } from './survey-schema';

describe('the question shape', () => {
  it('has a shape for exactly the vocabulary’s question types', () => {
    const shaped = question.options.map((option) => option.shape.type.value);
    expect([...shaped].sort()).toEqual([...questionTypes].sort());
  });
});
