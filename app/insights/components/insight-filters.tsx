import { Form } from '@remix-run/react';
import { useTranslation } from 'react-i18next';

import { SelectField } from '~/components/ui/select-field';
import { TextField } from '~/components/ui/text-field';
import type { DepartmentRef, InsightFilters, SurveyChoice } from '~/insights/types';

/**
 * The survey and cycle range of an insight page, sent as its address (a GET), so any view can be
 * bookmarked and shared. A department choice opens that department's page.
 */
export function InsightFilterBar({
  filters,
  surveys,
  departments,
  hidden = {},
}: {
  filters: InsightFilters;
  /** Offered where the page lets the survey change; otherwise the survey is kept as it is. */
  surveys?: SurveyChoice[];
  /** Departments whose page can be opened from here. */
  departments?: DepartmentRef[];
  /** Other choices of the page to keep (a chosen cell or driver). */
  hidden?: Record<string, string | null | undefined>;
}) {
  const { t } = useTranslation('insights');
  return (
    <div className="insight-filters">
      <Form method="get" className="filters" role="search" aria-label={t('filters.label')}>
        {surveys ? (
          <SelectField
            label={t('filters.survey')}
            name="survey"
            defaultValue={filters.surveyId}
            options={surveys.map((survey) => ({ value: survey.id, label: survey.title }))}
          />
        ) : (
          <input type="hidden" name="survey" value={filters.surveyId} />
        )}
        <TextField
          label={t('filters.from')}
          name="from"
          type="number"
          min={1}
          defaultValue={String(filters.fromCycle)}
        />
        <TextField
          label={t('filters.to')}
          name="to"
          type="number"
          min={1}
          defaultValue={String(filters.toCycle)}
        />
        {Object.entries(hidden).map(([name, value]) =>
          value ? <input key={name} type="hidden" name={name} value={value} /> : null,
        )}
        <button type="submit" className="button">
          {t('filters.show')}
        </button>
      </Form>
      {departments && departments.length > 0 ? (
        <Form
          method="get"
          action="/insights/departments"
          className="filters"
          aria-label={t('filters.openLabel')}
        >
          <input type="hidden" name="survey" value={filters.surveyId} />
          <input type="hidden" name="from" value={String(filters.fromCycle)} />
          <input type="hidden" name="to" value={String(filters.toCycle)} />
          <SelectField
            label={t('filters.department')}
            name="department"
            defaultValue={filters.departmentId ?? departments[0]?.id}
            options={departments.map((department) => ({
              value: department.id,
              label: department.name,
            }))}
          />
          <button type="submit" className="button button-quiet">
            {t('filters.open')}
          </button>
        </Form>
      ) : null}
    </div>
  );
}
