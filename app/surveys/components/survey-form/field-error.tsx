import { FieldError as Error } from '~/components/ui/field';
import { useMessage } from '~/components/ui/use-message';
import type { FieldErrors } from '~/utils/submission';

import { errorText, fieldId } from './fields';

/** The designer's message under one field, by its path, in the one field-error markup. */
export function FieldError({ errors, name }: { errors: FieldErrors; name: string }) {
  return <Error id={`${fieldId(name)}-error`}>{errorText(errors, name, useMessage())}</Error>;
}
