import { Form } from '@remix-run/react';

import { dueWindowLabels, dueWindows, type ListFilters } from '~/actions/action-forms';
import { actionStatuses, statusLabels } from '~/actions/action-rules';
import { SelectField } from '~/components/ui/select-field';

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
  return (
    <Form method="get" className="action-filters" aria-label="Filter actions">
      <SelectField
        label="Status"
        name="status"
        defaultValue={filters.status ?? ''}
        options={[
          { value: '', label: 'Any status' },
          ...actionStatuses.map((status) => ({ value: status, label: statusLabels[status] })),
        ]}
      />
      <SelectField
        label="Owner"
        name="owner"
        defaultValue={filters.owner ?? ''}
        options={[
          { value: '', label: 'Anyone' },
          ...owners.map((owner) => ({ value: owner.id, label: owner.name })),
        ]}
      />
      <SelectField
        label="Department"
        name="department"
        defaultValue={filters.department ?? ''}
        options={[
          { value: '', label: 'Any department' },
          ...departments.map((department) => ({ value: department.id, label: department.name })),
        ]}
      />
      <SelectField
        label="Due"
        name="due"
        defaultValue={filters.due}
        options={dueWindows.map((due) => ({ value: due, label: dueWindowLabels[due] }))}
      />
      <button type="submit" className="button">
        Show
      </button>
    </Form>
  );
}
