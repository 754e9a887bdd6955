import type { LanguageCode } from '../../models/vocabulary';
import type { AskedQuestion } from './asked-questions';
import { defaultCommentLength } from './submission-schema';

/** One answer slot as the page shows it, texts already in the reader's language. */
export interface AskedView {
  key: string;
  questionId: string;
  providerDepartmentId: string | null;
  providerName: string | null;
  type: AskedQuestion['question']['type'];
  text: string;
  required: boolean;
  choices: { id: string; label: string }[];
  maxLength: number | null;
}

/**
 * The slots as the answer page draws them, in one language: shared by the answer page and the
 * designer's preview, so the preview is what employees see. `read` picks a text in the reader's
 * language (falling back to the survey's default); `nameOf` names the rated departments.
 */
export function askedViews(
  asked: readonly AskedQuestion[],
  read: (text: Partial<Record<LanguageCode, string>>) => string,
  nameOf: ReadonlyMap<string, string>,
): AskedView[] {
  return asked.map(({ key, question, providerDepartmentId }) => {
    const providerName = providerDepartmentId ? (nameOf.get(providerDepartmentId) ?? '') : null;
    const text = read(question.text);
    return {
      key,
      questionId: question.id,
      providerDepartmentId,
      providerName,
      type: question.type,
      text: providerName === null ? text : text.replaceAll('{department}', providerName),
      required: question.required,
      // By the parts a question has, not its type's name, so a new type needs nothing here.
      choices:
        'choices' in question
          ? question.choices.map((choice) => ({ id: choice.id, label: read(choice.label) }))
          : [],
      maxLength: 'maxLength' in question ? (question.maxLength ?? defaultCommentLength) : null,
    };
  });
}
