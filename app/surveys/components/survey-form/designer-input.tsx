import type { ComponentProps } from 'react';

import { SelectField } from '~/components/ui/select-field';
import { TextField } from '~/components/ui/text-field';

import { fieldId } from './fields';

// ui/text-field and ui/select-field with ids derived from the field's name, so the error summary
// at the top of the designer can link to each field.

export function DesignerInput(props: Omit<ComponentProps<typeof TextField>, 'id'>) {
  return <TextField id={fieldId(props.name)} {...props} />;
}

export function DesignerSelect(props: Omit<ComponentProps<typeof SelectField>, 'id'>) {
  return <SelectField id={fieldId(props.name)} {...props} />;
}
