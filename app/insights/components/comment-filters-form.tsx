import { Form } from '@remix-run/react';
import { useTranslation } from 'react-i18next';

import { SelectField } from '~/components/ui/select-field';
import { TextField } from '~/components/ui/text-field';
import { commentSearchMaxLength } from '~/insights/comment-filters';
import type { CommentsView } from '~/insights/comment-view';
import { insightFormat } from '~/insights/components/use-insight-words';

/** The comment filters, sent as the page's address (a GET), so a view can be bookmarked. */
export function CommentFiltersForm({ view }: { view: CommentsView }) {
  const { t, i18n } = useTranslation('insights');
  const format = insightFormat(i18n.language);
  const { filters } = view;
  const cycleOptions = view.cycles.map((cycle) => ({
    value: String(cycle.number),
    label: t('comments.cycleOption', { number: cycle.number, day: format.day(cycle.opensOn) }),
  }));
  return (
    <Form method="get" className="filters" role="search" aria-label={t('comments.filtersLabel')}>
      <SelectField
        label={t('filters.survey')}
        name="survey"
        defaultValue={filters?.surveyId ?? ''}
        options={view.surveys.map((survey) => ({ value: survey.id, label: survey.title }))}
      />
      <SelectField
        label={t('filters.from')}
        name="from"
        defaultValue={filters ? String(filters.fromCycle) : ''}
        options={cycleOptions}
      />
      <SelectField
        label={t('filters.to')}
        name="to"
        defaultValue={filters ? String(filters.toCycle) : ''}
        options={cycleOptions}
      />
      <SelectField
        label={t('comments.question')}
        name="question"
        defaultValue={filters?.questionId ?? ''}
        options={[
          { value: '', label: t('comments.allQuestions') },
          ...view.questions.map((question) => ({ value: question.id, label: question.text })),
        ]}
      />
      <SelectField
        label={t('filters.department')}
        name="department"
        defaultValue={filters?.departmentId ?? ''}
        options={[
          { value: '', label: t('comments.allDepartments') },
          ...view.departments.map((department) => ({
            value: department.id,
            label: department.name,
          })),
        ]}
      />
      <TextField
        label={t('comments.search')}
        name="q"
        type="search"
        defaultValue={filters?.search ?? ''}
        maxLength={commentSearchMaxLength}
      />
      <button type="submit" className="button">
        {t('filters.show')}
      </button>
    </Form>
  );
}
