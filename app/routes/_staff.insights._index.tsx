import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';

import { ChartCard } from '~/components/insights/chart-card';
import { DepartmentBarChart } from '~/components/insights/department-bar-chart';
import { PendingCycleNote } from '~/components/insights/group-notes';
import { InsightFilterBar } from '~/components/insights/insight-filters';
import { ParticipationChart } from '~/components/insights/participation-chart';
import { QuestionSplitChart } from '~/components/insights/question-split-chart';
import { ScoreHeadline } from '~/components/insights/score-headline';
import { TrendChart } from '~/components/insights/trend-chart';
import { raiseLink } from '~/insights/action-links';
import { csvHref, filterSearch } from '~/insights/exports';
import { loadOverview } from '~/insights/overview.server';
import { requireStaff } from '~/utils/permissions.server';

export const meta: MetaFunction = () => [{ title: 'Overview · Insights · Innerloop' }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireStaff(request);
  return json(await loadOverview(user, new URL(request.url).searchParams));
}

export default function InsightsOverview() {
  const view = useLoaderData<typeof loader>();
  const { filters } = view;
  const survey = view.surveys.find((choice) => choice.id === filters.surveyId);
  const csv = (chart: string) => csvHref('overview', chart, filters);
  const { actions } = view;

  if (!survey) {
    return (
      <>
        <h1 id="page-title">Insights</h1>
        <p className="muted">
          No survey has opened a cycle yet. Results appear here once people have answered.
        </p>
      </>
    );
  }
  return (
    <>
      <h1 id="page-title">{survey.title}</h1>
      <p className="muted">
        Cycles {filters.fromCycle}–{filters.toCycle}. Groups under {view.threshold} invited people
        are withheld to protect anonymity, and so is the next smallest wherever a total would give
        one away. The headline, the “All” lines and the totals are the whole organisation’s.
      </p>
      <InsightFilterBar filters={filters} surveys={view.surveys} departments={view.departments} />
      <PendingCycleNote pending={view.pending} />
      {view.services ? (
        <ChartCard
          title="Rated departments"
          description={`Each rated department's score (1–5) from all its internal customers${view.latest ? ` in cycle ${view.latest.number}` : ''}, with the change since the cycle before.`}
          csvHref={csv('score')}
        >
          {view.services.providers.length > 0 ? (
            <DepartmentBarChart
              bars={view.services.providers}
              groupHeading="Rated department"
              actionLinkOf={({ department }) =>
                raiseLink(
                  actions,
                  { metric: 'service', providerDepartmentId: department.id },
                  `${department.name} as rated by its internal customers`,
                )
              }
            />
          ) : (
            <p className="chart-empty">
              None of your departments is rated in this survey. The matrix shows how your
              departments rate the services.
            </p>
          )}
        </ChartCard>
      ) : (
        <ChartCard title="Latest cycle" csvHref={csv('score')} tableOnly>
          <ScoreHeadline
            score={view.score}
            enps={view.enps}
            latest={view.latest}
            actions={{
              score: raiseLink(actions, { metric: 'score' }, 'the overall score'),
              enps: raiseLink(actions, { metric: 'enps' }, 'the overall eNPS'),
            }}
          />
        </ChartCard>
      )}
      <ChartCard
        title={
          view.services ? 'Services as rated by each department' : 'Satisfaction by department'
        }
        description={
          view.services
            ? 'Mean of each department’s ratings of every service it rated (1–5) in the latest cycle, with the change since the one before.'
            : 'Mean score (1–5) in the latest cycle, with the change since the one before.'
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
        <nav aria-label="Department pages" className="department-links">
          <h2 className="visually-hidden">Department pages</h2>
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
        title="Trend over cycles"
        description={
          view.services ? 'Each rated department’s score.' : 'Overall and per department.'
        }
        csvHref={csv('trend')}
      >
        <TrendChart trend={view.trend} />
      </ChartCard>
      {view.enpsTrend ? (
        <ChartCard title="eNPS over cycles" csvHref={csv('enpsTrend')}>
          <TrendChart trend={view.enpsTrend} measure="enps" />
        </ChartCard>
      ) : null}
      <ChartCard
        title="Favourable, neutral and unfavourable by question"
        description="Latest cycle. Favourable is 4–5 on a 1–5 scale and 9–10 for NPS questions."
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
        title="Participation"
        description="People invited and people who answered, per cycle and department."
        csvHref={csv('participation')}
      >
        <ParticipationChart participation={view.participation} />
      </ChartCard>
    </>
  );
}
