import { Fragment } from 'react';

import { localize } from '~/surveys/localize';
import { respondentWords } from '~/surveys/respondent-words';
import type { LocalizedText, Question } from '~/surveys/survey-schema';

import type { LanguageCode } from '../../../models/vocabulary';
import { QuestionInput } from './question-input';

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

/**
 * A survey as an employee sees it, in one language (texts fall back to the default language).
 * Internal-service questions are asked once per provider department, grouped by department,
 * each group with "I did not use this service"; the groups stand where the first such question
 * stands in the survey.
 */
export function SurveyView({
  language,
  defaultLanguage,
  title,
  intro,
  questions,
  providers,
  submitDisabled = false,
}: SurveyViewProps) {
  const words = respondentWords[language];
  const read = (text: LocalizedText) => localize(text, language, defaultLanguage);
  const serviceQuestions = questions.filter((question) => question.internalService);
  const firstService = serviceQuestions[0];
  const introText = read(intro);
  const choiceLabelOf = (question: Question) => (choiceId: string) =>
    question.type === 'single' || question.type === 'multi'
      ? read(question.choices.find((choice) => choice.id === choiceId)?.label ?? {})
      : '';

  return (
    <article className="survey-view" lang={language}>
      <h2 className="survey-view-title">{read(title)}</h2>
      {introText ? <p className="survey-view-intro">{introText}</p> : null}
      <p className="muted">{words.anonymous}</p>
      <form className="survey-view-form" onSubmit={(event) => event.preventDefault()}>
        {questions.map((question) => {
          if (!question.internalService) {
            return (
              <QuestionInput
                key={question.id}
                question={question}
                text={read(question.text)}
                choiceLabel={choiceLabelOf(question)}
                name={`q.${question.id}`}
                words={words}
              />
            );
          }
          if (question !== firstService) return null;
          return (
            <Fragment key="providers">
              {providers.map((provider) => (
                <fieldset key={provider.id} className="provider-group">
                  <legend>{provider.name}</legend>
                  <label className="answer-option not-used">
                    <input type="checkbox" name={`notUsed.${provider.id}`} value="on" />
                    <span>{words.notUsed}</span>
                  </label>
                  {serviceQuestions.map((service) => (
                    <QuestionInput
                      key={service.id}
                      question={service}
                      text={read(service.text).replaceAll('{department}', provider.name)}
                      choiceLabel={choiceLabelOf(service)}
                      name={`q.${service.id}.${provider.id}`}
                      words={words}
                    />
                  ))}
                </fieldset>
              ))}
            </Fragment>
          );
        })}
        <button type="submit" className="button" disabled={submitDisabled}>
          {words.submit}
        </button>
      </form>
    </article>
  );
}
