import { I18nextProvider, useTranslation } from 'react-i18next';

import { askedQuestions } from '~/answering/asked-questions';
import { askedViews } from '~/answering/asked-view';
import { AnswerQuestions } from '~/answering/components/answer-questions';
import { sharedI18n } from '~/i18n';
import { localize } from '~/surveys/localize';
import type { LocalizedText, Question } from '~/surveys/survey-schema';

import type { LanguageCode } from '../../../../models/vocabulary';

export interface SurveyViewProps {
  language: LanguageCode;
  defaultLanguage: LanguageCode;
  title: LocalizedText;
  intro: LocalizedText;
  /** The questions asked, in order; archived ones are left out by the caller. */
  questions: Question[];
  /** Departments rated by internal-service questions, in the order they are asked about. */
  providers: { id: string; name: string }[];
  /** Called with the form's submit; the preview passes nothing and the button stays disabled. */
  submitDisabled?: boolean;
}

const noMessage = () => null;
const nothingSkipped: ReadonlySet<string> = new Set();
const everyCard = () => null;

/**
 * A survey as an employee sees it, in one language (texts fall back to the default language),
 * drawn with the answer page's own questions and words: internal-service questions are asked
 * once per provider department, a card each with "I did not use this service", where the first
 * such question stands. The words are the survey language's, whatever the staff page speaks.
 */
export function SurveyView(props: SurveyViewProps) {
  return (
    <I18nextProvider i18n={sharedI18n(props.language)}>
      <SurveyViewInLanguage {...props} />
    </I18nextProvider>
  );
}

function SurveyViewInLanguage({
  language,
  defaultLanguage,
  title,
  intro,
  questions,
  providers,
  submitDisabled = false,
}: SurveyViewProps) {
  const { t } = useTranslation('answering');
  const read = (text: LocalizedText) => localize(text, language, defaultLanguage);
  const asked = askedQuestions(questions, {
    questionIds: questions.map((question) => question.id),
    providerDepartmentIds: providers.map((provider) => provider.id),
  });
  const views = askedViews(
    asked,
    read,
    new Map(providers.map((provider) => [provider.id, provider.name])),
  );
  const introText = read(intro);

  return (
    <article className="survey-view answer-page" lang={language}>
      <h2 className="survey-view-title">{read(title)}</h2>
      {introText ? <p className="survey-view-intro">{introText}</p> : null}
      <p className="muted">{t('anonymous')}</p>
      <form className="answer-form" onSubmit={(event) => event.preventDefault()}>
        <AnswerQuestions
          questions={views}
          messageOf={noMessage}
          skipped={nothingSkipped}
          stepperOf={everyCard}
        />
        <button type="submit" className="button" disabled={submitDisabled}>
          {t('submit')}
        </button>
      </form>
    </article>
  );
}
