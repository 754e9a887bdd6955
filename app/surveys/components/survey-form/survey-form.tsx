import { Form } from '@remix-run/react';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

import { FieldError } from '~/components/ui/field';
import { useMessage } from '~/components/ui/use-message';
import type { DepartmentChoice } from '~/people/components/person-form';
import { designerIds } from '~/surveys/designer-edits';
import type { SurveyDraft } from '~/surveys/designer-form';
import { builtInDrivers } from '~/surveys/survey-schema';
import type { FieldErrors } from '~/utils/submission';

import { questionTypes } from '../../../../models/vocabulary';
import { type LanguageCode, languageCodes } from '../../../../models/vocabulary';
import { DepartmentCheckboxes } from './department-checkboxes';
import { DesignerInput, DesignerSelect } from './designer-input';
import { describeField, errorText, fieldId, inFormOrder } from './fields';
import { LocalizedFields } from './localized-fields';
import { QuestionFields } from './question-fields';
import { ScheduleFields } from './schedule-fields';

export interface SurveyFormProps {
  draft: SurveyDraft;
  errors?: FieldErrors;
  revision: number;
  departments: DepartmentChoice[];
  timeZones: string[];
  /** Ids of questions that already have answers. */
  answeredIds: string[];
  notice?: string;
  /** Ids of the questions as last saved; the others are new and shown unfolded. */
  savedIds?: string[];
  /** The languages whose text fields are shown; the others stay in the form, hidden. */
  shownLanguages?: readonly LanguageCode[];
  /** The outcome of the last save, told beside the Save button. */
  saveStatus?: string;
  /** The element to focus once rendered (after an edit that moved or added something). */
  focus?: string;
  submitting?: boolean;
}

function ErrorSummary({ errors, draft }: { errors: FieldErrors; draft: SurveyDraft }) {
  const { t } = useTranslation('surveys');
  const say = useMessage();
  const ref = useRef<HTMLDivElement>(null);
  const entries = Object.entries(errors)
    .filter(([, messages]) => messages && messages.length > 0)
    .sort(([a], [b]) => inFormOrder(a, b));
  useEffect(() => {
    ref.current?.focus();
  }, []);
  if (entries.length === 0) return null;
  return (
    <div
      ref={ref}
      id="survey-form-errors"
      className="error-summary"
      role="alert"
      tabIndex={-1}
      aria-labelledby="survey-form-errors-title"
    >
      <h2 id="survey-form-errors-title">{t('designer.errorsTitle')}</h2>
      <p>{t('designer.errorsHint')}</p>
      <ul>
        {entries.map(([key, messages]) => {
          const { label, target } = describeField(key, draft, t);
          return (
            <li key={key}>
              <a href={`#${target}`}>
                {label ? `${label}: ` : ''}
                {messages?.map((text) => say(text)).join(' ')}
              </a>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

/**
 * The survey designer: the whole survey as one form. Buttons that add, move or remove
 * questions post it with their own intent and the server sends back the reshaped draft, so it
 * works without JavaScript; Save validates and stores it.
 */
export function SurveyForm({
  draft,
  errors = {},
  revision,
  departments,
  timeZones,
  answeredIds,
  notice,
  savedIds,
  shownLanguages = languageCodes,
  saveStatus = '',
  focus,
  submitting = false,
}: SurveyFormProps) {
  const answered = new Set(answeredIds);
  const saved = savedIds ? new Set(savedIds) : undefined;
  const questionOpen = (id: string, index: number) =>
    !saved?.has(id) ||
    Boolean(focus?.startsWith(`${designerIds.question(id)}-`)) ||
    Object.entries(errors).some(
      ([key, messages]) => key.startsWith(`questions.${index}.`) && messages && messages.length > 0,
    );
  const { t } = useTranslation('surveys');
  const say = useMessage();
  const error = (name: string) => errorText(errors, name, say);
  const languageName = (language: LanguageCode) => t(`language.${language}`);

  useEffect(() => {
    if (focus) document.getElementById(focus)?.focus();
  }, [focus]);

  return (
    <Form method="post" className="survey-form" noValidate preventScrollReset>
      <input type="hidden" name="revision" value={revision} />
      {/* Enter in a text field presses the form's first button: let that be Save. */}
      <button
        type="submit"
        name="intent"
        value="save"
        className="visually-hidden"
        tabIndex={-1}
        aria-hidden="true"
      >
        {t('designer.save')}
      </button>
      <ErrorSummary errors={errors} draft={draft} />
      {notice ? (
        <p className="form-notice" role="status">
          {say(notice)}
        </p>
      ) : null}

      <section className="designer-section" aria-labelledby="designer-basics">
        <h2 id="designer-basics">{t('designer.basics')}</h2>
        <p className="field-hint">{t('designer.basicsHint')}</p>
        <LocalizedFields
          name="title"
          label={t('designer.titleField')}
          values={draft.title}
          errors={errors}
          maxLength={200}
        />
        <LocalizedFields
          name="intro"
          label={t('designer.intro')}
          values={draft.intro}
          errors={errors}
          multiline
        />
      </section>

      <section className="designer-section" aria-labelledby="designer-languages">
        <h2 id="designer-languages">{t('designer.languages')}</h2>
        <fieldset id={fieldId('languages')} tabIndex={-1} className="fieldset">
          <legend>{t('designer.offeredIn')}</legend>
          <div className="checkbox-columns">
            {languageCodes.map((language) => (
              <label key={language} className="check">
                <input
                  type="checkbox"
                  name="languages"
                  value={language}
                  defaultChecked={draft.languages.includes(language)}
                />
                <span>{languageName(language)}</span>
              </label>
            ))}
          </div>
          <FieldError>{error('languages')}</FieldError>
        </fieldset>
        <fieldset className="fieldset language-filter">
          <legend>{t('designer.showTextsIn')}</legend>
          <p className="field-hint">{t('designer.showTextsHint')}</p>
          <div className="checkbox-columns">
            {languageCodes.map((language) => (
              <label key={language} className="check">
                <input
                  type="checkbox"
                  name="showLanguages"
                  value={language}
                  defaultChecked={shownLanguages.includes(language)}
                />
                <span>{languageName(language)}</span>
              </label>
            ))}
          </div>
        </fieldset>
        <DesignerSelect
          label={t('designer.defaultLanguage')}
          name="defaultLanguage"
          hint={t('designer.defaultLanguageHint')}
          defaultValue={draft.defaultLanguage}
          error={error('defaultLanguage')}
          options={languageCodes.map((language) => ({
            value: language,
            label: languageName(language),
          }))}
        />
      </section>

      <section className="designer-section" aria-labelledby="designer-audience">
        <h2 id="designer-audience">{t('designer.audience')}</h2>
        <DepartmentCheckboxes
          name="audience.departmentIds"
          legend={t('designer.answeringDepartments')}
          departments={departments}
          checked={draft.audience.departmentIds}
          error={error('audience.departmentIds')}
        />
        <div className="field field-checkbox">
          <input
            id={fieldId('audience.includeSubDepartments')}
            type="checkbox"
            name="audience.includeSubDepartments"
            defaultChecked={draft.audience.includeSubDepartments}
          />
          <label htmlFor={fieldId('audience.includeSubDepartments')}>
            {t('designer.includeSub')}
          </label>
        </div>
        <DepartmentCheckboxes
          name="providerDepartmentIds"
          legend={t('designer.ratedDepartments')}
          hint={t('designer.ratedHint')}
          departments={departments}
          checked={draft.providerDepartmentIds}
          error={error('providerDepartmentIds')}
        />
        <DesignerInput
          label={t('designer.threshold')}
          name="anonymityThreshold"
          hint={t('designer.thresholdHint')}
          inputMode="numeric"
          defaultValue={draft.anonymityThreshold}
          error={error('anonymityThreshold')}
        />
      </section>

      <section className="designer-section" aria-labelledby="designer-questions">
        <h2 id="designer-questions">{t('designer.questions')}</h2>
        <div id={fieldId('questions')} tabIndex={-1}>
          <FieldError>{error('questions')}</FieldError>
        </div>
        <ol className="question-list">
          {draft.questions.map((question, index) => (
            <li key={question.id}>
              <QuestionFields
                question={question}
                index={index}
                count={draft.questions.length}
                errors={errors}
                answered={answered.has(question.id)}
                open={questionOpen(question.id, index)}
                defaultLanguage={draft.defaultLanguage}
              />
            </li>
          ))}
        </ol>
        <div className="add-question">
          <DesignerSelect
            label={t('designer.newQuestionType')}
            name="newQuestionType"
            defaultValue="scale"
            options={questionTypes.map((type) => ({
              value: type,
              label: t(`questionType.${type}`),
            }))}
          />
          <button
            id={designerIds.addQuestion}
            type="submit"
            name="intent"
            value="add-question"
            className="button button-quiet"
          >
            {t('designer.addQuestion')}
          </button>
        </div>
        <datalist id="driver-options">
          {builtInDrivers.map((driver) => (
            <option key={driver} value={driver} />
          ))}
        </datalist>
      </section>

      <section className="designer-section" aria-labelledby="designer-schedule">
        <h2 id="designer-schedule">{t('designer.schedule')}</h2>
        <ScheduleFields
          schedule={draft.schedule}
          maxQuestionsPerCycle={draft.rotation.maxQuestionsPerCycle}
          errors={errors}
        />
        <datalist id="time-zone-options">
          {timeZones.map((zone) => (
            <option key={zone} value={zone} />
          ))}
        </datalist>
      </section>

      <div className="form-actions">
        <button
          type="submit"
          name="intent"
          value="save"
          className="button"
          disabled={submitting}
          aria-describedby="survey-save-status"
        >
          {t('designer.save')}
        </button>
        {/* Always in the page, so screen readers hear each new outcome where they pressed Save. */}
        <p id="survey-save-status" className="save-status" role="status" aria-live="polite">
          {saveStatus}
        </p>
      </div>
    </Form>
  );
}
