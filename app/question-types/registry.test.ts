import { describe, expect, it } from 'vitest';

import { languageCodes, questionTypes } from '../../models/vocabulary';
import { resources } from '../i18n';
import { question } from '../surveys/survey-schema';
import { questionTypeModules } from './registry';

const names = Object.keys(questionTypeModules);

function wordAt(tree: unknown, key: string): unknown {
  return key
    .split('.')
    .reduce<unknown>(
      (node, part) =>
        typeof node === 'object' && node !== null && part in node
          ? Reflect.get(node, part)
          : undefined,
      tree,
    );
}

describe('the question-type registry', () => {
  it('has a module for every type the designer offers, and no other', () => {
    expect(names).toEqual([...questionTypes]);
  });

  it('has a schema for every registered type in the survey schema, and no other', () => {
    expect(question.options.map((option) => option.shape.type.value)).toEqual(names);
  });

  it.each(names)('gives %s every facet', (name) => {
    const module = Object.entries(questionTypeModules).find(([each]) => each === name)?.[1];
    expect(module).toBeDefined();
    if (!module) return;
    expect(module.DesignerFields === null || typeof module.DesignerFields === 'function').toBe(
      true,
    );
    expect(typeof module.AnswerInput).toBe('function');
    expect(typeof module.draft.blank).toBe('function');
    expect(typeof module.draft.fromQuestion).toBe('function');
    expect(typeof module.draft.toCandidate).toBe('function');
    expect(typeof module.answer.refusal.code).toBe('string');
    expect(['string', 'function']).toContain(typeof module.answer.refusal.message);
    expect(typeof module.answer.schema).toBe('function');
    expect(typeof module.answer.fromForm).toBe('function');
    expect(typeof module.answer.comment).toBe('boolean');
    expect(module.answer.seconds).toBeGreaterThan(0);
    expect(typeof module.rollup).toBe('function');
    expect([null, 'score', 'enps']).toContain(module.insights.measure);
    // A type with a measure splits its numbers; one without has nothing to split.
    expect(module.insights.split === null).toBe(module.insights.measure === null);
    expect(typeof module.insights.drivers).toBe('boolean');
    expect(typeof module.demoAnswer).toBe('function');
    expect(module.words.surveys).toContain(`questionType.${name}`);
    expect(module.words.answering).toContain(`errors.${module.answer.refusal.code}`);
  });

  it.each(names)('has the words of %s in every language', (name) => {
    const module = Object.entries(questionTypeModules).find(([each]) => each === name)?.[1];
    for (const language of languageCodes) {
      for (const namespace of ['answering', 'surveys'] as const) {
        for (const key of module?.words[namespace] ?? []) {
          expect(
            typeof wordAt(resources[language][namespace], key),
            `${language} ${namespace}:${key}`,
          ).toBe('string');
        }
      }
    }
  });

  it('gives each refusal its own code', () => {
    const codes = Object.values(questionTypeModules).map((module) => module.answer.refusal.code);
    expect(new Set(codes).size).toBe(codes.length);
  });
});
