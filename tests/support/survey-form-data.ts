import type { SurveyDraft } from '../../app/surveys/designer-form';

/** The form fields a browser posts for a draft, built the way the designer names them. */
export function formDataOf(draft: SurveyDraft): FormData {
  const form = new FormData();
  const add = (name: string, value: string | boolean) => {
    if (value === false) return;
    form.append(name, value === true ? 'on' : value);
  };
  const texts = (name: string, values: Record<string, string | undefined>) => {
    for (const [language, value] of Object.entries(values)) add(`${name}.${language}`, value ?? '');
  };
  texts('title', draft.title);
  texts('intro', draft.intro);
  add('defaultLanguage', draft.defaultLanguage);
  for (const language of draft.languages) add('languages', language);
  for (const id of draft.audience.departmentIds) add('audience.departmentIds', id);
  add('audience.includeSubDepartments', draft.audience.includeSubDepartments);
  for (const id of draft.providerDepartmentIds) add('providerDepartmentIds', id);
  add('anonymityThreshold', draft.anonymityThreshold);
  draft.questions.forEach((question, index) => {
    const base = `questions.${index}`;
    add(`${base}.id`, question.id);
    add(`${base}.type`, question.type);
    texts(`${base}.text`, question.text);
    add(`${base}.driver`, question.driver);
    add(`${base}.required`, question.required);
    add(`${base}.core`, question.core);
    add(`${base}.internalService`, question.internalService);
    add(`${base}.archived`, question.archived);
    add(`${base}.maxLength`, question.maxLength);
    question.choices.forEach((choice, choiceIndex) => {
      add(`${base}.choices.${choiceIndex}.id`, choice.id);
      texts(`${base}.choices.${choiceIndex}.label`, choice.label);
    });
  });
  for (const [field, value] of Object.entries(draft.schedule)) add(`schedule.${field}`, value);
  add('rotation.maxQuestionsPerCycle', draft.rotation.maxQuestionsPerCycle);
  return form;
}
