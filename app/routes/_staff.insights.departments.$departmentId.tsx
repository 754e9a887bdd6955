import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';

import { ChartCard } from '~/components/insights/chart-card';
import { DepartmentBarChart } from '~/components/insights/department-bar-chart';
import { PendingCycleNote } from '~/components/insights/group-notes';
import { InsightFilterBar } from '~/components/insights/insight-filters';
import { ParticipationChart } from '~/components/insights/participation-chart';
import { QuestionSplitChart } from '~/components/insights/question-split-chart';
import { ScoreHeadline } from '~/components/insights/score-headline';
import { TrendChart } from '~/components/insights/trend-chart';
import { raiseLink } from '~/insights/action-links';
import { loadDepartment } from '~/insights/department.server';
import { csvHref, driverBars } from '~/insights/exports';
import { requireStaff } from '~/utils/permissions.server';

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.department.name ?? 'Department'} · Insights · Innerloop` },
];

export async function loader({ params, request }: LoaderFunctionArgs) {
  const user = await requireStaff(request);
  const departmentId = params.departmentId ?? '';
  return json(await loadDepartment(user, departmentId, new URL(request.url).searchParams));
}

export default function InsightsDepartment() {
  const view = useLoaderData<typeof loader>();
  const { filters, department, answering, rated, actions } = view;
  const departmentId = department.id;
  const csv = (chart: string) =>
    csvHref('department', chart, filters, { department: department.id });
  return (
    <>
      <h1 id="page-title">{department.name}</h1>
      <p className="muted">
        Cycles {filters.fromCycle}–{filters.toCycle}: how {department.name} feels as a team, and how
        the departments it serves rate it. Groups under {view.threshold} people are withheld.
      </p>
      <InsightFilterBar filters={filters} surveys={view.surveys} />
      <PendingCycleNote pending={view.pending} />
      <h2>As the answering department</h2>
      <ChartCard title="Latest cycle" csvHref={csv('score')} tableOnly headingLevel={3}>
        <ScoreHeadline
          score={answering.score}
          enps={answering.enps}
          latest={view.latest}
          actions={{
            score: raiseLink(
              actions,
              { metric: 'score', departmentId },
              `${department.name} score`,
            ),
            enps: raiseLink(actions, { metric: 'enps', departmentId }, `${department.name} eNPS`),
          }}
        />
      </ChartCard>
      <ChartCard title="Trend over cycles" csvHref={csv('trend')} headingLevel={3}>
        <TrendChart trend={answering.trend} />
      </ChartCard>
      <ChartCard title="Drivers" csvHref={csv('drivers')} headingLevel={3}>
        <DepartmentBarChart
          bars={driverBars(view)}
          groupHeading="Driver"
          actionLinkOf={({ department: driver }) =>
            raiseLink(
              actions,
              { metric: 'driver', departmentId, driver: driver.id },
              `${driver.name} in ${department.name}`,
            )
          }
        />
      </ChartCard>
      <ChartCard
        title="Favourable, neutral and unfavourable by question"
        csvHref={csv('questions')}
        headingLevel={3}
      >
        <QuestionSplitChart
          questions={answering.questions}
          actionLinkOf={(question) =>
            raiseLink(
              actions,
              { metric: 'question', questionId: question.questionId, departmentId },
              `${question.text} in ${department.name}`,
            )
          }
        />
      </ChartCard>
      <ChartCard title="Participation" csvHref={csv('participation')} headingLevel={3}>
        <ParticipationChart participation={answering.participation} />
      </ChartCard>
      <h2>As the department being rated</h2>
      {rated ? (
        <>
          <ChartCard
            title={`${department.name} as rated by each internal customer`}
            description="Latest cycle, mean of the internal-service questions (1–5)."
            csvHref={csv('ratedByCustomer')}
            headingLevel={3}
          >
            <DepartmentBarChart
              bars={rated.byCustomer}
              groupHeading="Internal customer"
              actionLinkOf={({ department: customer }) =>
                raiseLink(
                  actions,
                  {
                    metric: 'service',
                    departmentId: customer.id,
                    providerDepartmentId: departmentId,
                  },
                  `${customer.name} rating ${department.name}`,
                )
              }
            />
          </ChartCard>
          <ChartCard
            title={`${department.name} as rated, over cycles`}
            csvHref={csv('ratedTrend')}
            headingLevel={3}
          >
            <TrendChart trend={rated.trend} />
          </ChartCard>
        </>
      ) : (
        <p className="muted">No internal customer rated {department.name} in these cycles.</p>
      )}
    </>
  );
}
