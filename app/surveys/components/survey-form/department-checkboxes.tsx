import { useTranslation } from 'react-i18next';

import { FieldError } from '~/components/ui/field';
import type { DepartmentChoice } from '~/people/components/person-form';

import { fieldId } from './fields';

/** A group of department checkboxes in tree order; its id lets the error summary jump to it. */
export function DepartmentCheckboxes({
  name,
  legend,
  hint,
  departments,
  checked,
  error,
}: {
  name: string;
  legend: string;
  hint?: string;
  departments: DepartmentChoice[];
  checked: string[];
  error?: string;
}) {
  const { t } = useTranslation('surveys');
  const id = fieldId(name);
  const chosen = new Set(checked);
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null]
    .filter(Boolean)
    .join(' ');
  return (
    <fieldset
      id={id}
      tabIndex={-1}
      className="fieldset"
      aria-describedby={describedBy || undefined}
    >
      <legend>{legend}</legend>
      {hint ? (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      ) : null}
      <div className="checkbox-columns">
        {departments.map((department) => (
          <label key={department.id} className={`check depth-${Math.min(department.depth, 4)}`}>
            <input
              type="checkbox"
              name={name}
              value={department.id}
              defaultChecked={chosen.has(department.id)}
            />
            <span>
              {department.name}
              {department.archived ? t('designer.archived') : ''}
            </span>
          </label>
        ))}
      </div>
      <FieldError id={`${id}-error`}>{error}</FieldError>
    </fieldset>
  );
}
