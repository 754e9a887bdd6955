import { useTranslation } from 'react-i18next';

import { CheckboxField } from '~/components/ui/checkbox-field';
import { SelectField } from '~/components/ui/select-field';
import { TextAreaField } from '~/components/ui/text-area-field';
import { TextField } from '~/components/ui/text-field';
import { useMessage } from '~/components/ui/use-message';
import type { FieldErrors, FormValues } from '~/utils/submission';

export interface ActionFieldValues {
  title: string;
  description: string;
  ownerId: string;
  dueOn: string;
  published: boolean;
}

const text = (values: FormValues | undefined, name: string) => {
  const value = values?.[name];
  return typeof value === 'string' ? value : undefined;
};

/**
 * The fields an action is raised and edited with: title, description, owner, due date and
 * whether employees see it. A refused form shows what was typed and each message beside its field.
 */
export function ActionFields({
  saved,
  owners,
  today,
  errors,
  values,
}: {
  saved: ActionFieldValues;
  owners: { id: string; name: string }[];
  today: string;
  errors?: FieldErrors;
  values?: FormValues;
}) {
  const { t } = useTranslation('actions');
  const say = useMessage();
  const error = (name: string) => errors?.[name]?.[0];
  const published = values ? text(values, 'published') === 'on' : saved.published;
  return (
    <>
      <TextField
        label={t('fields.title')}
        name="title"
        required
        maxLength={200}
        defaultValue={text(values, 'title') ?? saved.title}
        error={error('title')}
      />
      <TextAreaField
        id="action-description"
        label={t('fields.description')}
        name="description"
        rows={5}
        maxLength={5000}
        defaultValue={text(values, 'description') ?? saved.description}
        error={error('description')}
      />
      <SelectField
        label={t('fields.owner')}
        name="ownerId"
        hint={t('fields.ownerHint')}
        options={[
          { value: '', label: t('fields.chooseOwner') },
          ...owners.map((owner) => ({ value: owner.id, label: say(owner.name) ?? owner.name })),
        ]}
        defaultValue={text(values, 'ownerId') ?? saved.ownerId}
        error={error('ownerId')}
      />
      <TextField
        label={t('fields.dueOn')}
        name="dueOn"
        type="date"
        required
        min={today}
        defaultValue={text(values, 'dueOn') ?? saved.dueOn}
        error={error('dueOn')}
      />
      <CheckboxField
        label={t('fields.published')}
        name="published"
        defaultChecked={published}
        error={error('published')}
      />
    </>
  );
}
