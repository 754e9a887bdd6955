import { describe, expect, it } from 'vitest';

import { languageCodes } from '../../../models/vocabulary';
import { questionsForCycle, rotationPeriod } from '../rotation';
import type { LocalizedText, Question } from '../survey-schema';
import { builtInDrivers, surveyDefinition } from '../survey-schema';
import { surveyTemplates } from './index';
import type { SurveyTemplate } from './template';
import expected from './templates.expected.json';

const byId = (id: string) => {
  const template = surveyTemplates.find((candidate) => candidate.id === id);
  if (!template) throw new Error(`No template ${id}`);
  return template;
};

/** What the designer adds to a template: who answers, who is rated, when and where. */
const surveyFrom = (template: SurveyTemplate) => ({
  ...template.definition,
  audience: { departmentIds: ['dep-sales'], includeSubDepartments: true },
  providerDepartmentIds: ['dep-it', 'dep-hr'],
  schedule: {
    ...template.definition.schedule,
    startDate: '2026-01-05',
    openHour: 9,
    timeZone: 'Europe/Oslo',
  },
});

interface Text {
  where: string;
  text: LocalizedText;
  /** Choice labels may be the same word in two languages ("Telefon", "E-mail"). */
  isChoice: boolean;
  internalService: boolean;
}

function textsOf(template: SurveyTemplate): Text[] {
  const plain = (where: string, text: LocalizedText): Text => ({
    where,
    text,
    isChoice: false,
    internalService: false,
  });
  const { title, intro, questions } = template.definition;
  return [
    plain('name', template.name),
    plain('description', template.description),
    plain('title', title),
    plain('intro', intro),
    ...questions.flatMap((question: Question) => [
      { ...plain(question.id, question.text), internalService: question.internalService },
      ...('choices' in question ? question.choices : []).map((choice) => ({
        ...plain(`${question.id}/${choice.id}`, choice.label),
        isChoice: true,
      })),
    ]),
  ];
}

describe('surveyTemplates', () => {
  it('offers at least the six built-in templates, with unique ids', () => {
    const ids = surveyTemplates.map(({ id }) => id);
    expect(ids).toEqual(
      expect.arrayContaining([
        'internal-service-quality',
        'weekly-engagement-pulse',
        'it-support-satisfaction',
        'hr-service-satisfaction',
        'workspace-wellbeing',
        'recognition-and-voice',
      ]),
    );
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });
});

describe.each(surveyTemplates.map((template) => [template.id, template] as const))(
  'template %s',
  (_, template) => {
    const { questions } = template.definition;

    it('becomes a valid survey once audience and schedule are added, needing no defaults', () => {
      const survey = surveyFrom(template);
      // Equal after parsing: nothing was trimmed, filled in or dropped.
      expect(surveyDefinition.parse(survey)).toEqual(survey);
    });

    it('is in all six languages, English first', () => {
      expect(template.definition.languages).toEqual([...languageCodes]);
      expect(template.definition.defaultLanguage).toBe('en');
    });

    it('has every text in all six languages, non-empty and trimmed', () => {
      for (const { where, text } of textsOf(template)) {
        expect(Object.keys(text).sort(), where).toEqual([...languageCodes].sort());
        for (const language of languageCodes) {
          const value = text[language] ?? '';
          expect(value, `${where} (${language})`).not.toBe('');
          expect(value, `${where} (${language})`).toBe(value.trim());
          expect(value, `${where} (${language})`).not.toMatch(/\s{2}|TODO|TBD|\[[a-z]{2}\]/);
        }
      }
    });

    it('is translated, not copied: each language differs from English and looks like itself', () => {
      for (const { where, text, isChoice } of textsOf(template)) {
        if (isChoice) continue;
        for (const language of languageCodes.filter((code) => code !== 'en')) {
          expect(text[language], `${where} (${language})`).not.toBe(text.en);
        }
        expect(text.uk, `${where} (uk)`).toMatch(/[а-яіїєґ]/i);
        // Every longer Polish and Latvian sentence needs at least one of their own letters.
        if ((text.en ?? '').length > 30) {
          expect(text.pl, `${where} (pl)`).toMatch(/[ąćęłńóśźż]/i);
          expect(text.lv, `${where} (lv)`).toMatch(/[āčēģīķļņšūž]/i);
        }
      }
    });

    it('names {department} in every language of internal-service questions, and nowhere else', () => {
      for (const { where, text, internalService } of textsOf(template)) {
        for (const language of languageCodes) {
          const value = text[language] ?? '';
          if (internalService) expect(value, `${where} (${language})`).toContain('{department}');
          else expect(value, `${where} (${language})`).not.toMatch(/[{}]/);
        }
      }
    });

    it('has unique, meaningful question ids and unique choice ids, at least two choices each', () => {
      const ids = questions.map(({ id }) => id);
      expect(new Set(ids).size).toBe(ids.length);
      // A shared prefix per template keeps ids readable in exports and unique across templates.
      const prefix = ids[0].split('-')[0];
      for (const id of ids) expect(id).toMatch(new RegExp(`^${prefix}-[a-z]+(-[a-z]+)*$`));
      for (const question of questions) {
        if (!('choices' in question)) continue;
        const choiceIds = question.choices.map(({ id }) => id);
        expect(choiceIds.length, question.id).toBeGreaterThanOrEqual(2);
        expect(new Set(choiceIds).size, question.id).toBe(choiceIds.length);
      }
    });

    it('uses built-in drivers only, and no archived questions', () => {
      const builtIn: readonly string[] = builtInDrivers;
      for (const { id, driver, archived } of questions) {
        if (driver) expect(builtIn, id).toContain(driver);
        expect(archived, id).toBe(false);
      }
    });
  },
);

describe('the templates as data', () => {
  // Every template exactly as recorded (in templates.expected.json): the shared question builders
  // (./build.ts) are proven to write the same surveys the hand-written templates did. A change
  // to a template's words changes the record with it.
  it('are each what the record says they are', () => {
    const asData: unknown = JSON.parse(JSON.stringify(surveyTemplates));
    expect(asData).toEqual(expected);
  });
});

describe('question ids across templates', () => {
  it('never repeat, so a survey built from two templates keeps its trends apart', () => {
    const ids = surveyTemplates.flatMap(({ definition }) => definition.questions.map((q) => q.id));
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('internal service quality', () => {
  const { questions } = byId('internal-service-quality').definition;

  it('rates each provider on the five service-quality dimensions, an internal NPS and a comment', () => {
    expect(questions.map(({ type, driver }) => [type, driver])).toEqual([
      ['scale', 'Reliability'],
      ['scale', 'Responsiveness'],
      ['scale', 'Competence'],
      ['scale', 'Empathy'],
      ['scale', 'Tools'],
      ['nps', undefined],
      ['text', undefined],
    ]);
    expect(questions.every(({ internalService }) => internalService)).toBe(true);
  });
});

describe('weekly engagement pulse', () => {
  const template = byId('weekly-engagement-pulse');
  const { questions, rotation, schedule } = template.definition;
  const rotating = questions.filter(({ core }) => !core);

  it('asks eNPS every week and rotates the topic questions', () => {
    expect(schedule.cadence).toBe('weekly');
    expect(questions.some(({ type, core }) => type === 'nps' && core)).toBe(true);
    expect(questions.some(({ type, core }) => type === 'text' && core)).toBe(true);
    expect(rotating.map(({ type, driver }) => [type, driver])).toEqual([
      ['scale', 'Recognition'],
      ['scale', 'Wellbeing'],
      ['scale', 'Tools'],
      ['scale', 'Communication'],
      ['scale', 'Growth'],
      ['scale', 'Empathy'],
    ]);
  });

  it('never asks all rotating questions at once, and each comes back every three weeks as described', () => {
    expect(rotation.maxQuestionsPerCycle).toBeLessThan(questions.length);
    expect(rotationPeriod(questions, rotation.maxQuestionsPerCycle)).toBe(3);
    expect(template.description.en).toContain('every three weeks');
    const firstThreeWeeks = [1, 2, 3].flatMap((cycle) =>
      questionsForCycle(questions, cycle, rotation.maxQuestionsPerCycle),
    );
    for (const { id } of rotating) expect(firstThreeWeeks).toContain(id);
    expect(questionsForCycle(questions, 1, rotation.maxQuestionsPerCycle)).toHaveLength(
      rotation.maxQuestionsPerCycle,
    );
  });
});

describe('IT and HR service templates', () => {
  it('ask how people contacted IT (one choice) and which HR services they used (several)', () => {
    const itSupport = byId('it-support-satisfaction').definition.questions;
    const hr = byId('hr-service-satisfaction').definition.questions;
    expect(itSupport.find(({ id }) => id === 'it-contact-channel')?.type).toBe('single');
    expect(hr.find(({ id }) => id === 'hr-services-used')?.type).toBe('multi');
  });
});
