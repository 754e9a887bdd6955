import { useTranslation } from 'react-i18next';

import { useMessage } from '~/components/ui/use-message';
import { questionTypeModules } from '~/question-types/registry';
import { designerIds } from '~/surveys/designer-edits';
import type { QuestionDraft } from '~/surveys/designer-form';
import type { FieldErrors } from '~/utils/submission';

import { questionTypes } from '../../../../models/vocabulary';
import { EditButton } from './edit-button';
import { FieldError } from './field-error';
import { errorText, fieldId } from './fields';
import { LocalizedFields } from './localized-fields';

function Checkbox({
  name,
  label,
  hint,
  checked,
}: {
  name: string;
  label: string;
  hint?: string;
  checked: boolean;
}) {
  const id = fieldId(name);
  return (
    <div className="field field-checkbox">
      <input
        id={id}
        type="checkbox"
        name={name}
        defaultChecked={checked}
        aria-describedby={hint ? `${id}-hint` : undefined}
      />
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      ) : null}
    </div>
  );
}

// Every type's own fields, once each (the two choosing types share theirs): a question carries
// them all, so changing its type works without JavaScript; CSS shows the chosen type's.
const typeFields = [
  ...new Set(questionTypes.map((type) => questionTypeModules[type].DesignerFields)),
].filter((fields) => fields !== null);

/** Every field of one question, and the buttons that move or remove it. */
export function QuestionFields({
  question,
  index,
  count,
  errors,
  answered,
  open,
  defaultLanguage,
}: {
  question: QuestionDraft;
  index: number;
  count: number;
  errors: FieldErrors;
  /** The question already has answers: removing it archives it, and its type is fixed. */
  answered: boolean;
  /** Shown unfolded: it is new, has an error, or holds what the last edit focuses. */
  open: boolean;
  defaultLanguage: keyof QuestionDraft['text'];
}) {
  const { t } = useTranslation('surveys');
  const say = useMessage();
  const base = `questions.${index}`;
  const number = index + 1;
  const typeError = errorText(errors, `${base}.type`, say);
  const fields = (
    <>
      <input type="hidden" name={`${base}.id`} value={question.id} />
      {question.archived ? <input type="hidden" name={`${base}.archived`} value="on" /> : null}
      <FieldError errors={errors} name={`${base}.id`} />
      <div className="field">
        <label htmlFor={fieldId(`${base}.type`)}>{t('designer.question.type')}</label>
        <p id={`${fieldId(`${base}.type`)}-hint`} className="field-hint">
          {answered ? t('designer.question.typeFixed') : t('designer.question.typeHint')}
        </p>
        <select
          id={fieldId(`${base}.type`)}
          name={`${base}.type`}
          data-role="question-type"
          defaultValue={question.type}
          aria-invalid={typeError ? true : undefined}
          aria-describedby={`${fieldId(`${base}.type`)}-hint${typeError ? ` ${fieldId(`${base}.type`)}-error` : ''}`}
        >
          {questionTypes.map((type) => (
            <option key={type} value={type}>
              {t(`questionType.${type}`)}
            </option>
          ))}
        </select>
        <FieldError errors={errors} name={`${base}.type`} />
      </div>
      <div id={designerIds.questionText(question.id)} tabIndex={-1}>
        <LocalizedFields
          name={`${base}.text`}
          label={t('designer.question.text')}
          values={question.text}
          errors={errors}
          multiline
        />
      </div>
      {typeFields.map((TypeFields, position) => (
        <TypeFields key={position} question={question} index={index} errors={errors} />
      ))}
      <div className="field">
        <label htmlFor={fieldId(`${base}.driver`)}>{t('designer.question.driver')}</label>
        <p className="field-hint">{t('designer.question.driverHint')}</p>
        <input
          id={fieldId(`${base}.driver`)}
          name={`${base}.driver`}
          list="driver-options"
          maxLength={40}
          defaultValue={question.driver}
        />
        <FieldError errors={errors} name={`${base}.driver`} />
      </div>
      <div className="question-flags">
        <Checkbox
          name={`${base}.required`}
          label={t('designer.question.required')}
          checked={question.required}
        />
        <Checkbox
          name={`${base}.core`}
          label={t('designer.question.core')}
          hint={t('designer.question.coreHint')}
          checked={question.core}
        />
        <Checkbox
          name={`${base}.internalService`}
          label={t('designer.question.internalService')}
          hint={t('designer.question.internalServiceHint')}
          checked={question.internalService}
        />
      </div>
    </>
  );

  return (
    <fieldset
      id={designerIds.question(question.id)}
      tabIndex={-1}
      className={`question-fields${question.archived ? ' archived' : ''}`}
    >
      <legend>
        {question.archived
          ? t('designer.question.legendArchived', { number })
          : t('designer.question.legend', { number })}
      </legend>
      {question.archived ? (
        <>
          <p className="muted">{t('designer.question.archivedNote')}</p>
          <details>
            <summary>{t('designer.question.showTexts')}</summary>
            {fields}
          </details>
          <div className="question-actions">
            <EditButton intent={`restore-question:${index}`}>
              {t('designer.question.restore', { number })}
            </EditButton>
          </div>
        </>
      ) : (
        <>
          {/* Folded questions keep their fields in the form, so saving loses nothing. */}
          <details className="question-details" open={open}>
            <summary>
              <span className="question-type-name">{t(`questionType.${question.type}`)}</span>{' '}
              {question.text[defaultLanguage]?.trim() || (
                <span className="muted">{t('designer.question.noText')}</span>
              )}
            </summary>
            {fields}
          </details>
          <div className="question-actions">
            <EditButton
              id={designerIds.moveUp(question.id)}
              intent={`move-up:${index}`}
              disabled={index === 0}
            >
              {t('designer.question.moveUp', { number })}
            </EditButton>
            <EditButton
              id={designerIds.moveDown(question.id)}
              intent={`move-down:${index}`}
              disabled={index === count - 1}
            >
              {t('designer.question.moveDown', { number })}
            </EditButton>
            <EditButton intent={`remove-question:${index}`} danger>
              {answered
                ? t('designer.question.archive', { number })
                : t('designer.question.remove', { number })}
            </EditButton>
          </div>
        </>
      )}
    </fieldset>
  );
}
