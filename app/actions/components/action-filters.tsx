import { Form } from '@remix-run/react';
import { useTranslation } from 'react-i18next';

import { dueWindows, type ListFilters } from '~/actions/action-forms';
import { SelectField } from '~/components/ui/select-field';

import { actionStatuses } from '../../../models/vocabulary';

/** The list's filters; a GET form, so every view is an address that can be shared. */
export function ActionFiltersForm({
  filters,
  owners,
  departments,
}: {
  filters: ListFilters;
  owners: { id: string; name: string }[];
  departments: { id: string; name: string }[];
}) {
  const { t } = useTranslation('actions');
  return (
    <Form method="get" className="action-filters" aria-label={t('filters.label')}>
      <SelectField
        label={t('filters.status')}
        name="status"
        defaultValue={filters.status ?? ''}
        options={[
          { value: '', label: t('filters.anyStatus') },
          ...actionStatuses.map((status) => ({ value: status, label: t(`status.${status}`) })),
        ]}
      />
      <SelectField
        label={t('filters.owner')}
        name="owner"
        defaultValue={filters.owner ?? ''}
        options={[
          { value: '', label: t('filters.anyone') },
          ...owners.map((owner) => ({ value: owner.id, label: owner.name })),
        ]}
      />
      <SelectField
        label={t('filters.department')}
        name="department"
        defaultValue={filters.department ?? ''}
        options={[
          { value: '', label: t('filters.anyDepartment') },
          ...departments.map((department) => ({ value: department.id, label: department.name })),
        ]}
      />
      <SelectField
        label={t('filters.due')}
        name="due"
        defaultValue={filters.due}
        options={dueWindows.map((due) => ({ value: due, label: t(`filters.dueWindows.${due}`) }))}
      />
      <button type="submit" className="button">
        {t('filters.show')}
      </button>
    </Form>
  );
}
