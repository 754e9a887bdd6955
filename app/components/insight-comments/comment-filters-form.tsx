import { Form } from '@remix-run/react';

import { SelectField } from '~/components/ui/select-field';
import { TextField } from '~/components/ui/text-field';
import { commentSearchMaxLength } from '~/insights/comment-filters';
import type { CommentsView } from '~/insights/comment-view';

/** The comment filters, sent as the page's address (a GET), so a view can be bookmarked. */
export function CommentFiltersForm({ view }: { view: CommentsView }) {
  const { filters } = view;
  const cycleOptions = view.cycles.map((cycle) => ({
    value: String(cycle.number),
    label: `Cycle ${cycle.number} (opened ${cycle.opensOn})`,
  }));
  return (
    <Form method="get" className="filters" role="search" aria-label="Filter comments">
      <SelectField
        label="Survey"
        name="survey"
        defaultValue={filters?.surveyId ?? ''}
        options={view.surveys.map((survey) => ({ value: survey.id, label: survey.title }))}
      />
      <SelectField
        label="From cycle"
        name="from"
        defaultValue={filters ? String(filters.fromCycle) : ''}
        options={cycleOptions}
      />
      <SelectField
        label="To cycle"
        name="to"
        defaultValue={filters ? String(filters.toCycle) : ''}
        options={cycleOptions}
      />
      <SelectField
        label="Question"
        name="question"
        defaultValue={filters?.questionId ?? ''}
        options={[
          { value: '', label: 'All comment questions' },
          ...view.questions.map((question) => ({ value: question.id, label: question.text })),
        ]}
      />
      <SelectField
        label="Department"
        name="department"
        defaultValue={filters?.departmentId ?? ''}
        options={[
          { value: '', label: 'All my departments' },
          ...view.departments.map((department) => ({
            value: department.id,
            label: department.name,
          })),
        ]}
      />
      <TextField
        label="Search the comments"
        name="q"
        type="search"
        defaultValue={filters?.search ?? ''}
        maxLength={commentSearchMaxLength}
      />
      <button type="submit" className="button">
        Show
      </button>
    </Form>
  );
}
