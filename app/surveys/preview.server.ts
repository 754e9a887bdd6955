import { DepartmentModel } from '../../models/department.server';
import type { LanguageCode } from '../../models/vocabulary';
import type { Question, SurveyDefinition } from './survey-schema';

export interface SurveyPreview {
  language: LanguageCode;
  languages: LanguageCode[];
  defaultLanguage: LanguageCode;
  title: SurveyDefinition['title'];
  intro: SurveyDefinition['intro'];
  questions: Question[];
  providers: { id: string; name: string }[];
}

/**
 * What an employee sees, in one of the survey's languages (its default when asked for another):
 * every question that is not archived, and the departments rated by name. Rotating questions are
 * all shown; each cycle asks a share of them.
 */
export async function previewOf(
  definition: SurveyDefinition,
  requested: string | null,
): Promise<SurveyPreview> {
  const language =
    definition.languages.find((offered) => offered === requested) ?? definition.defaultLanguage;
  const departments = await DepartmentModel.find(
    { _id: { $in: definition.providerDepartmentIds } },
    { name: 1 },
  ).lean();
  const nameOf = new Map(
    departments.map((department) => [String(department._id), department.name]),
  );
  return {
    language,
    languages: definition.languages,
    defaultLanguage: definition.defaultLanguage,
    title: definition.title,
    intro: definition.intro,
    questions: definition.questions.filter((question) => !question.archived),
    providers: definition.providerDepartmentIds.flatMap((id) => {
      const name = nameOf.get(id);
      return name ? [{ id, name }] : [];
    }),
  };
}
