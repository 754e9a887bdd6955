import { useMessage } from '~/components/ui/use-message';
import type { FieldErrors } from '~/utils/submission';

import { errorText, fieldId } from './fields';

/** The designer's message under one field, by its path. */
export function FieldError({ errors, name }: { errors: FieldErrors; name: string }) {
  const error = errorText(errors, name, useMessage());
  return error ? (
    <p id={`${fieldId(name)}-error`} className="field-error">
      {error}
    </p>
  ) : null;
}
