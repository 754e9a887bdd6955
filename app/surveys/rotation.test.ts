import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { questionsForCycle, rotationPeriod } from './rotation';
import { question } from './survey-schema';

type Kind = 'core' | 'rotating' | 'archived-core' | 'archived-rotating';

/** A survey from a compact description: ids are the kind's initial and position, e.g. r3. */
const survey = (...kinds: Kind[]) =>
  kinds.map((kind, index) =>
    question.parse({
      id: `${kind.startsWith('archived') ? 'x' : kind[0]}${index + 1}`.padEnd(3, '_'),
      type: 'scale',
      text: { en: `Question ${index + 1}` },
      core: kind.endsWith('core'),
      archived: kind.startsWith('archived'),
    }),
  );

const cycles = (questions: ReturnType<typeof survey>, max: number, count: number) =>
  Array.from({ length: count }, (_, index) => questionsForCycle(questions, index + 1, max));

describe('questionsForCycle', () => {
  it('asks every core question every cycle, and everything when nothing rotates', () => {
    const questions = survey('core', 'core', 'core');
    expect(cycles(questions, 12, 3)).toEqual([
      ['c1_', 'c2_', 'c3_'],
      ['c1_', 'c2_', 'c3_'],
      ['c1_', 'c2_', 'c3_'],
    ]);
    expect(rotationPeriod(questions, 12)).toBe(1);
  });

  it('fills the free slots with rotating questions in turn, in survey order', () => {
    // Two core questions and a maximum of four leave two slots for six rotating questions.
    const questions = survey(
      'core',
      'rotating',
      'rotating',
      'rotating',
      'rotating',
      'rotating',
      'rotating',
      'core',
    );
    expect(cycles(questions, 4, 4)).toEqual([
      ['c1_', 'r2_', 'r3_', 'c8_'],
      ['c1_', 'r4_', 'r5_', 'c8_'],
      ['c1_', 'r6_', 'r7_', 'c8_'],
      ['c1_', 'r2_', 'r3_', 'c8_'],
    ]);
    expect(rotationPeriod(questions, 4)).toBe(3);
  });

  it('continues the ring where the last cycle stopped when the slots do not divide it', () => {
    const questions = survey('core', 'rotating', 'rotating', 'rotating', 'rotating', 'rotating');
    // Slots 2, five rotating: r2 r3 | r4 r5 | r6 r2 | r3 r4 | r5 r6 — shown in survey order.
    expect(cycles(questions, 3, 5)).toEqual([
      ['c1_', 'r2_', 'r3_'],
      ['c1_', 'r4_', 'r5_'],
      ['c1_', 'r2_', 'r6_'],
      ['c1_', 'r3_', 'r4_'],
      ['c1_', 'r5_', 'r6_'],
    ]);
    expect(rotationPeriod(questions, 3)).toBe(3);
  });

  it('asks all rotating questions when they fit', () => {
    const questions = survey('rotating', 'core', 'rotating');
    expect(questionsForCycle(questions, 7, 5)).toEqual(['r1_', 'c2_', 'r3_']);
    expect(rotationPeriod(questions, 5)).toBe(1);
  });

  it('never asks archived questions, and archived core questions take no slot', () => {
    const questions = survey('core', 'archived-core', 'archived-core', 'rotating', 'rotating');
    expect(cycles(questions, 3, 2)).toEqual([
      ['c1_', 'r4_', 'r5_'],
      ['c1_', 'r4_', 'r5_'],
    ]);
    expect(questionsForCycle(survey('archived-rotating', 'core'), 1, 1)).toEqual(['c2_']);
  });

  it('still asks all core questions, and one rotating question, when core alone exceeds the maximum', () => {
    const questions = survey('core', 'core', 'core', 'rotating', 'rotating');
    expect(cycles(questions, 2, 3)).toEqual([
      ['c1_', 'c2_', 'c3_', 'r4_'],
      ['c1_', 'c2_', 'c3_', 'r5_'],
      ['c1_', 'c2_', 'c3_', 'r4_'],
    ]);
    expect(rotationPeriod(questions, 2)).toBe(2);
  });

  it('works for large cycle numbers', () => {
    const questions = survey('rotating', 'rotating', 'rotating');
    // (10 000 000 − 1) × 1 mod 3 = 0: the first question's turn.
    expect(questionsForCycle(questions, 10_000_000, 1)).toEqual(['r1_']);
  });

  it('rejects cycle numbers and maximums that are not positive integers', () => {
    const questions = survey('core');
    expect(() => questionsForCycle(questions, 0, 3)).toThrow(/cycleNumber/);
    expect(() => questionsForCycle(questions, 1.5, 3)).toThrow(/cycleNumber/);
    expect(() => questionsForCycle(questions, 1, 0)).toThrow(/maxQuestionsPerCycle/);
    expect(() => rotationPeriod(questions, Number.NaN)).toThrow(/maxQuestionsPerCycle/);
  });
});

describe('rotation properties', () => {
  const kinds = fc.array(
    fc.constantFrom<Kind>('core', 'rotating', 'rotating', 'archived-core', 'archived-rotating'),
    { maxLength: 25 },
  );

  it('asks every rotating question within any window of rotationPeriod cycles, within the maximum, never archived, in survey order', () => {
    fc.assert(
      fc.property(
        kinds,
        fc.integer({ min: 1, max: 15 }),
        fc.integer({ min: 1, max: 500 }),
        (described, max, firstCycle) => {
          const questions = survey(...described);
          const order = questions.map(({ id }) => id);
          const active = questions.filter(({ archived }) => !archived);
          const core = active.filter((q) => q.core).map(({ id }) => id);
          const rotating = active.filter((q) => !q.core).map(({ id }) => id);
          const period = rotationPeriod(questions, max);
          const seen = new Set<string>();
          for (let cycle = firstCycle; cycle < firstCycle + period; cycle++) {
            const asked = questionsForCycle(questions, cycle, max);
            expect(asked).toEqual(questionsForCycle(questions, cycle, max));
            expect(asked.every((id) => core.includes(id) || rotating.includes(id))).toBe(true);
            expect(core.every((id) => asked.includes(id))).toBe(true);
            expect(new Set(asked).size).toBe(asked.length);
            expect(asked).toEqual(order.filter((id) => asked.includes(id)));
            const limit = core.length < max ? max : core.length + Math.min(1, rotating.length);
            expect(asked.length).toBeLessThanOrEqual(limit);
            asked.forEach((id) => seen.add(id));
          }
          expect(rotating.filter((id) => !seen.has(id))).toEqual([]);
        },
      ),
    );
  });

  it('uses every free slot while there are more rotating questions than slots', () => {
    fc.assert(
      fc.property(kinds, fc.integer({ min: 1, max: 15 }), fc.nat(1000), (described, max, c) => {
        const questions = survey(...described);
        const active = questions.filter(({ archived }) => !archived);
        const coreCount = active.filter((q) => q.core).length;
        const rotatingCount = active.length - coreCount;
        const slots = Math.max(1, max - coreCount);
        const asked = questionsForCycle(questions, c + 1, max);
        expect(asked.length).toBe(coreCount + Math.min(slots, rotatingCount));
      }),
    );
  });
});
