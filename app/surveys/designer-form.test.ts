import { describe, expect, it } from 'vitest';

import { everyQuestionType, surveyDefinitionWith } from '../../tests/factories/survey';
import { formDataOf } from '../../tests/support/survey-form-data';
import { message } from '../utils/message';
import {
  candidateFromDraft,
  definitionFromDraft,
  draftFromDefinition,
  draftFromForm,
} from './designer-form';
import { surveyTemplates } from './templates';

const departmentId = '64b7f0c2a1b2c3d4e5f60718';

describe('the designer form', () => {
  it('roundtrips every question type: definition → fields → definition', () => {
    const definition = surveyDefinitionWith({ audienceIds: [departmentId] });
    const draft = draftFromForm(formDataOf(draftFromDefinition(definition)));
    expect(definitionFromDraft(draft)).toEqual({ ok: true, definition });
    expect(new Set(definition.questions.map((question) => question.type))).toEqual(
      new Set(everyQuestionType.map((question) => question.type)),
    );
  });

  it.each(surveyTemplates.map((template) => [template.id]))(
    'roundtrips the %s template in all its languages',
    (id) => {
      const template = surveyTemplates.find((candidate) => candidate.id === id);
      if (!template) throw new Error(id);
      const definition = {
        ...template.definition,
        audience: { departmentIds: [departmentId], includeSubDepartments: true },
        providerDepartmentIds: [departmentId],
        schedule: {
          ...template.definition.schedule,
          startDate: '2026-03-02',
          openHour: 9,
          timeZone: 'Europe/Oslo',
        },
      };
      const draft = draftFromForm(formDataOf(draftFromDefinition(definition)));
      expect(definitionFromDraft(draft)).toEqual({ ok: true, definition });
    },
  );

  it('reports problems per field with plain words, keeping what was typed', () => {
    const draft = draftFromDefinition(surveyDefinitionWith({ audienceIds: [departmentId] }));
    draft.anonymityThreshold = 'five';
    draft.schedule.openDays = '0';
    draft.questions[0].text.en = '   ';
    draft.audience.departmentIds = [];
    const form = formDataOf(draft);
    const parsed = draftFromForm(form);
    expect(parsed.anonymityThreshold).toBe('five');
    const result = definitionFromDraft(parsed);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual({
      anonymityThreshold: ['surveys:errors.wholeNumber'],
      'schedule.openDays': [message('surveys:errors.atLeast', { minimum: 1 })],
      'questions.0.text.en': ['surveys:errors.questionDefault'],
      'audience.departmentIds': ['surveys:errors.chooseDepartment'],
    });
  });

  it('drops texts in languages that are not ticked, and choices of questions that take none', () => {
    const draft = draftFromDefinition(surveyDefinitionWith({ audienceIds: [departmentId] }));
    draft.languages = ['en'];
    draft.questions[0].choices = [{ id: 'stray', label: { en: 'Stray' } }];
    const result = definitionFromDraft(draftFromForm(formDataOf(draft)));
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.definition.title).toEqual({ en: 'Weekly pulse' });
    expect(result.definition.questions[0]).not.toHaveProperty('choices');
  });

  it('never throws on hostile or malformed fields', () => {
    const form = new FormData();
    form.append('__proto__.polluted', 'yes');
    form.append('constructor.prototype.polluted', 'yes');
    form.append('questions.999999.text.en', 'too far');
    form.append('questions.x.y', 'odd');
    form.append('questions', 'not a list');
    form.append('schedule', 'flat');
    form.append('languages', 'xx');
    form.append('title.en.nested', 'deep');
    const draft = draftFromForm(form);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(draft.questions).toEqual([]);
    expect(draft.languages).toEqual(['xx']);
    const result = definitionFromDraft(draft);
    expect(result.ok).toBe(false);
    expect(candidateFromDraft(draft)).toBeTruthy();
  });
});
