import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
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
import { loadDepartment } from '~/insights/department.server';
import { csvHref, driverBars } from '~/insights/exports';
import { driverName } from '~/utils/driver-name';
import { requireStaff } from '~/utils/permissions.server';

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  {
    title: pageTitle(
      matches,
      data?.department.name ?? 'insights:table.department',
      'insights:title',
    ),
  },
];

export async function loader({ params, request }: LoaderFunctionArgs) {
  const user = await requireStaff(request);
  const departmentId = params.departmentId ?? '';
  return json(await loadDepartment(user, departmentId, new URL(request.url).searchParams));
}

export default function InsightsDepartment() {
  const { t } = useTranslation('insights');
  const view = useLoaderData<typeof loader>();
  const { filters, department, answering, rated, actions } = view;
  // Built-in drivers in the reader's language; the id stays what the action points at.
  const drivers = driverBars(view).map((bar) => ({
    ...bar,
    department: { ...bar.department, name: driverName(t, bar.department.id) },
  }));
  const departmentId = department.id;
  const csv = (chart: string) =>
    csvHref('department', chart, filters, { department: department.id });
  return (
    <>
      <h1 id="page-title">{department.name}</h1>
      <p className="muted">
        {t('department.intro', {
          from: filters.fromCycle,
          to: filters.toCycle,
          department: department.name,
          threshold: view.threshold,
        })}
      </p>
      <InsightFilterBar filters={filters} surveys={view.surveys} />
      <PendingCycleNote pending={view.pending} />
      <h2>{t('department.answering')}</h2>
      <ChartCard title={t('cards.latest')} csvHref={csv('score')} tableOnly headingLevel={3}>
        <ScoreHeadline
          score={answering.score}
          enps={answering.enps}
          latest={view.latest}
          actions={{
            score: raiseLink(
              actions,
              { metric: 'score', departmentId },
              t('raise.departmentScore', { department: department.name }),
            ),
            enps: raiseLink(
              actions,
              { metric: 'enps', departmentId },
              t('raise.departmentEnps', { department: department.name }),
            ),
          }}
        />
      </ChartCard>
      <ChartCard title={t('cards.trend')} csvHref={csv('trend')} headingLevel={3}>
        <TrendChart trend={answering.trend} />
      </ChartCard>
      <ChartCard title={t('nav.drivers')} csvHref={csv('drivers')} headingLevel={3}>
        <DepartmentBarChart
          bars={drivers}
          groupHeading="insights:table.driver"
          actionLinkOf={({ department: driver }) =>
            raiseLink(
              actions,
              { metric: 'driver', departmentId, driver: driver.id },
              t('raise.inDepartment', { what: driver.name, department: department.name }),
            )
          }
        />
      </ChartCard>
      <ChartCard title={t('cards.questions')} csvHref={csv('questions')} headingLevel={3}>
        <QuestionSplitChart
          questions={answering.questions}
          actionLinkOf={(question) =>
            raiseLink(
              actions,
              { metric: 'question', questionId: question.questionId, departmentId },
              t('raise.inDepartment', { what: question.text, department: department.name }),
            )
          }
        />
      </ChartCard>
      <ChartCard title={t('cards.participation')} csvHref={csv('participation')} headingLevel={3}>
        <ParticipationChart participation={answering.participation} />
      </ChartCard>
      <h2>{t('department.rated')}</h2>
      {rated ? (
        <>
          <ChartCard
            title={t('department.byCustomer', { department: department.name })}
            description={t('department.byCustomerDescription')}
            csvHref={csv('ratedByCustomer')}
            headingLevel={3}
          >
            <DepartmentBarChart
              bars={rated.byCustomer}
              groupHeading="insights:table.internalCustomer"
              actionLinkOf={({ department: customer }) =>
                raiseLink(
                  actions,
                  {
                    metric: 'service',
                    departmentId: customer.id,
                    providerDepartmentId: departmentId,
                  },
                  t('raise.rating', { customer: customer.name, department: department.name }),
                )
              }
            />
          </ChartCard>
          <ChartCard
            title={t('department.ratedTrend', { department: department.name })}
            csvHref={csv('ratedTrend')}
            headingLevel={3}
          >
            <TrendChart trend={rated.trend} />
          </ChartCard>
        </>
      ) : (
        <p className="muted">{t('department.notRated', { department: department.name })}</p>
      )}
    </>
  );
}
