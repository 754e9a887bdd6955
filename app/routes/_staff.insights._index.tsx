import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';

import { pageTitle } from '~/i18n';
import { raiseLink } from '~/insights/action-links';
import { ChartCard } from '~/insights/components/chart-card';
import { DepartmentBarChart } from '~/insights/components/department-bar-chart';
import { PendingCycleNote } from '~/insights/components/group-notes';
import { InsightFilterBar } from '~/insights/components/insight-filters';
import { ParticipationChart } from '~/insights/components/participation-chart';
import { QuestionSplitChart } from '~/insights/components/question-split-chart';
import { ScoreHeadline } from '~/insights/components/score-headline';
import { TrendChart } from '~/insights/components/trend-chart';
import { csvHref, filterSearch } from '~/insights/exports';
import { loadOverview } from '~/insights/overview.server';
import { requireStaff } from '~/utils/permissions.server';

export const meta: MetaFunction = ({ matches }) => [
  { title: pageTitle(matches, 'insights:nav.overview', 'insights:title') },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireStaff(request);
  return json(await loadOverview(user, new URL(request.url).searchParams));
}

export default function InsightsOverview() {
  const { t } = useTranslation('insights');
  const view = useLoaderData<typeof loader>();
  const { filters } = view;
  const survey = view.surveys.find((choice) => choice.id === filters.surveyId);
  const csv = (chart: string) => csvHref('overview', chart, filters);
  const { actions } = view;

  if (!survey) {
    return (
      <>
        <h1 id="page-title">{t('title')}</h1>
        <p className="muted">{t('overview.noSurvey')}</p>
      </>
    );
  }
  return (
    <>
      <h1 id="page-title">{survey.title}</h1>
      <p className="muted">
        {t('overview.intro', {
          from: filters.fromCycle,
          to: filters.toCycle,
          threshold: view.threshold,
        })}
      </p>
      <InsightFilterBar filters={filters} surveys={view.surveys} departments={view.departments} />
      <PendingCycleNote pending={view.pending} />
      {view.services ? (
        <ChartCard
          title={t('overview.rated.title')}
          description={
            view.latest
              ? t('overview.rated.descriptionInCycle', { number: view.latest.number })
              : t('overview.rated.description')
          }
          csvHref={csv('score')}
        >
          {view.services.providers.length > 0 ? (
            <DepartmentBarChart
              bars={view.services.providers}
              groupHeading="insights:table.ratedDepartment"
              actionLinkOf={({ department }) =>
                raiseLink(
                  actions,
                  { metric: 'service', providerDepartmentId: department.id },
                  t('raise.ratedByCustomers', { department: department.name }),
                )
              }
            />
          ) : (
            <p className="chart-empty">{t('overview.rated.none')}</p>
          )}
        </ChartCard>
      ) : (
        <ChartCard title={t('cards.latest')} csvHref={csv('score')} tableOnly>
          <ScoreHeadline
            score={view.score}
            enps={view.enps}
            latest={view.latest}
            actions={{
              score: raiseLink(actions, { metric: 'score' }, t('raise.overallScore')),
              enps: raiseLink(actions, { metric: 'enps' }, t('raise.overallEnps')),
            }}
          />
        </ChartCard>
      )}
      <ChartCard
        title={view.services ? t('overview.services.title') : t('overview.byDepartment.title')}
        description={
          view.services
            ? t('overview.services.description')
            : t('overview.byDepartment.description')
        }
        csvHref={csv('byDepartment')}
      >
        <DepartmentBarChart
          bars={view.byDepartment}
          actionLinkOf={({ department }) =>
            raiseLink(
              actions,
              view.services
                ? { metric: 'service', departmentId: department.id }
                : { metric: 'score', departmentId: department.id },
              department.name,
            )
          }
        />
      </ChartCard>
      {view.byDepartment.length > 0 ? (
        <nav aria-label={t('overview.departmentPages')} className="department-links">
          <h2 className="visually-hidden">{t('overview.departmentPages')}</h2>
          <ul>
            {view.byDepartment.map(({ department }) => (
              <li key={department.id}>
                <Link to={`/insights/departments/${department.id}${filterSearch(filters)}`}>
                  {department.name}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      <ChartCard
        title={t('cards.trend')}
        description={view.services ? t('overview.trend.services') : t('overview.trend.departments')}
        csvHref={csv('trend')}
      >
        <TrendChart trend={view.trend} />
      </ChartCard>
      {view.enpsTrend ? (
        <ChartCard title={t('cards.enpsTrend')} csvHref={csv('enpsTrend')}>
          <TrendChart trend={view.enpsTrend} measure="enps" />
        </ChartCard>
      ) : null}
      <ChartCard
        title={t('cards.questions')}
        description={t('overview.questions')}
        csvHref={csv('questions')}
      >
        <QuestionSplitChart
          questions={view.questions}
          actionLinkOf={(question) =>
            raiseLink(
              actions,
              { metric: 'question', questionId: question.questionId },
              question.text,
            )
          }
        />
      </ChartCard>
      <ChartCard
        title={t('cards.participation')}
        description={t('overview.participation')}
        csvHref={csv('participation')}
      >
        <ParticipationChart participation={view.participation} />
      </ChartCard>
    </>
  );
}
