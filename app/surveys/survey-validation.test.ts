import { describe, expect, it } from 'vitest';

import { languageCodes } from '../../models/vocabulary';
import { surveyDefinitionWith } from '../../tests/factories/survey';
import { message } from '../utils/message';
import { type SurveyDefinition } from './survey-schema';
import { scheduleProblem, validSurvey } from './survey-validation';
import { surveyTemplates } from './templates';

const departmentId = '64b7f0c2a1b2c3d4e5f60718';
const providerId = '64b7f0c2a1b2c3d4e5f60719';

function problems(definition: unknown): Record<string, string[]> {
  const result = validSurvey.safeParse(definition);
  if (result.success) return {};
  const byPath: Record<string, string[]> = {};
  for (const issue of result.error.issues)
    (byPath[issue.path.join('.')] ??= []).push(issue.message);
  return byPath;
}

const valid = () => surveyDefinitionWith({ audienceIds: [departmentId] });

describe('templates', () => {
  it.each(
    surveyTemplates.flatMap((template) =>
      languageCodes.map((language) => [template.id, language] as const),
    ),
  )('%s is a valid survey with %s as its default language', (templateId, language) => {
    const template = surveyTemplates.find((candidate) => candidate.id === templateId);
    if (!template) throw new Error(templateId);
    const definition: SurveyDefinition = {
      ...template.definition,
      defaultLanguage: language,
      audience: { departmentIds: [departmentId], includeSubDepartments: true },
      providerDepartmentIds: [providerId],
      schedule: {
        ...template.definition.schedule,
        startDate: '2026-03-02',
        openHour: 9,
        timeZone: 'Europe/Oslo',
      },
    };
    expect(problems(definition)).toEqual({});
    // Every text is really there in this language, not only falling back.
    for (const question of definition.questions)
      expect(question.text[language]?.trim()).toBeTruthy();
    expect(definition.title[language]?.trim()).toBeTruthy();
  });
});

describe('validSurvey', () => {
  it('accepts a survey with every question type', () => {
    expect(problems(valid())).toEqual({});
  });

  it('requires every text in the default language; other languages fall back', () => {
    const definition = valid();
    definition.questions[0] = { ...definition.questions[0], text: { nb: 'Bare norsk' } };
    expect(problems(definition)).toEqual({
      'questions.0.text.en': ['surveys:errors.questionDefault'],
    });
    definition.questions[0] = { ...definition.questions[0], text: { en: 'Only English' } };
    expect(problems(definition)).toEqual({});
  });

  it('refuses texts in languages the survey is not offered in, and a default outside the languages', () => {
    const definition = valid();
    definition.title = { ...definition.title, pl: 'Puls' };
    definition.defaultLanguage = 'uk';
    const found = problems(definition);
    expect(found['title.pl']).toEqual([message('surveys:errors.notOffered', { language: 'pl' })]);
    expect(found.languages).toEqual(['surveys:errors.defaultLanguageOffered']);
  });

  it('refuses empty and repeated choices', () => {
    const definition = valid();
    const single = definition.questions[2];
    if (single.type !== 'single') throw new Error('expected a single-choice question');
    definition.questions[2] = {
      ...single,
      choices: [
        { id: 'a', label: { en: 'Office' } },
        { id: 'b', label: { en: ' office ' } },
        { id: 'b', label: { en: '' } },
      ],
    };
    expect(problems(definition)).toEqual({
      'questions.2.choices.1.label.en': ['surveys:errors.sameChoiceLabel'],
      'questions.2.choices.2.id': ['surveys:errors.sameChoiceId'],
      'questions.2.choices.2.label.en': ['surveys:errors.choiceDefault'],
    });
    definition.questions[2] = { ...single, choices: [{ id: 'a', label: { en: 'Alone' } }] };
    expect(problems(definition)).toEqual({ 'questions.2.choices': ['surveys:errors.twoChoices'] });
  });

  it('keeps NPS fixed at 0–10: a posted range is not part of the survey', () => {
    const definition = { ...valid(), questions: [{ ...valid().questions[1], min: 1, max: 5 }] };
    const result = validSurvey.parse(definition);
    expect(result.questions[0]).not.toHaveProperty('min');
    expect(result.questions[0]).not.toHaveProperty('max');
  });

  it('needs an anonymity threshold of at least 3', () => {
    expect(problems({ ...valid(), anonymityThreshold: 2 })).toEqual({
      anonymityThreshold: ['surveys:errors.thresholdMinimum'],
    });
    expect(problems({ ...valid(), anonymityThreshold: 3 })).toEqual({});
  });

  it('needs provider departments for internal-service questions', () => {
    const definition = valid();
    definition.questions[1] = { ...definition.questions[1], internalService: true };
    expect(problems(definition)).toEqual({
      providerDepartmentIds: ['surveys:errors.chooseProviders'],
    });
    expect(problems({ ...definition, providerDepartmentIds: [providerId] })).toEqual({});
  });

  it('refuses repeated question ids and a survey whose questions are all archived', () => {
    const definition = valid();
    definition.questions[1] = { ...definition.questions[1], id: definition.questions[0].id };
    expect(problems(definition)['questions.1.id']).toEqual(['surveys:errors.sameQuestionId']);
    const archived = {
      ...valid(),
      questions: valid().questions.map((question) => ({ ...question, archived: true })),
    };
    expect(problems(archived)).toEqual({
      questions: ['surveys:errors.keepOneQuestion'],
    });
  });

  it('needs a schedule that produces a cycle', () => {
    const schedule = valid().schedule;
    expect(scheduleProblem(schedule)).toBeNull();
    expect(scheduleProblem({ ...schedule, startDate: '2026-02-30' })?.field).toBe('startDate');
    expect(scheduleProblem({ ...schedule, timeZone: 'Mars/Olympus' })?.field).toBe('timeZone');
    expect(scheduleProblem({ ...schedule, openDays: 8 })).toEqual({
      field: 'openDays',
      message: message('surveys:errors.openTooLong', { cadence: 'weekly', days: 7 }),
    });
    expect(scheduleProblem({ ...schedule, reminderDaysBeforeClose: 5 })?.field).toBe(
      'reminderDaysBeforeClose',
    );
    expect(scheduleProblem({ ...schedule, reminderDaysBeforeClose: 0 })).toBeNull();
    expect(
      problems({ ...valid(), schedule: { ...schedule, timeZone: 'Nowhere/Else' } }),
    ).toHaveProperty(['schedule.timeZone']);
  });
});
