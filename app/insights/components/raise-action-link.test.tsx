import { createRemixStub } from '@remix-run/testing';
import { cleanup, render, screen } from '@testing-library/react';
import type { ReactElement } from 'react';
import { afterEach, describe, expect, it } from 'vitest';

import { type ActionTarget, raiseLink } from '~/insights/action-links';
import {
  tableOfDepartmentBars,
  tableOfHeatmap,
  tableOfQuestionSplits,
  tableOfScore,
  toCsv,
} from '~/insights/tables';
import type { ActionAccess, DepartmentBar, QuestionSplit } from '~/insights/types';

import { ChartCard } from './chart-card';
import { DepartmentBarChart } from './department-bar-chart';
import { Heatmap } from './heatmap';
import { QuestionSplitChart } from './question-split-chart';
import { ScoreHeadline } from './score-headline';
import { figure, kitchenMatrix, split } from './test-factories';

afterEach(cleanup);

// Controls are links to /actions/new; Remix links need a route around them.
async function renderInRoute(ui: ReactElement) {
  const Stub = createRemixStub([{ path: '/insights', Component: () => ui }]);
  render(<Stub initialEntries={['/insights']} />);
  await screen.findAllByRole('table');
}

const hr: ActionAccess = { surveyId: 'survey-1', cycleId: 'cycle-7', scope: null };
const linkTo = (target: ActionTarget, subject: string) => raiseLink(hr, target, subject);
const controls = () => screen.getAllByRole('link', { name: /^Raise an action on / });
const hrefOf = (name: string) =>
  screen.getByRole('link', { name: `Raise an action on ${name}` }).getAttribute('href');

/** The only things an address may name: ids, never a value, an n or a share. */
const identities = ['survey', 'cycle', 'metric', 'question', 'driver', 'department', 'provider'];

/** Neither the link's words nor its address may carry a withheld group's number. */
function expectNoNumber(name: string, measured: RegExp) {
  const link = screen.getByRole('link', { name: `Raise an action on ${name}` });
  expect(link.textContent).toBe(`Raise an action on ${name}`);
  expect(link.getAttribute('href')).not.toMatch(measured);
  const params = new URL(link.getAttribute('href') ?? '', 'https://innerloop.test').searchParams;
  for (const name of params.keys()) expect(identities).toContain(name);
}

const bars: DepartmentBar[] = [
  { department: { id: 'it', name: 'IT' }, figure: figure(4.126, 23) },
  // Three people answered in the kitchen: below the threshold of five.
  { department: { id: 'kitchen', name: 'Kitchen' }, figure: figure(2.71, 3) },
  { department: { id: 'finance', name: 'Finance' }, figure: figure(0, 0) },
];

describe('"Raise an action" on satisfaction by department', () => {
  it('puts a control on every row, named for it and linked to its department in the latest cycle', async () => {
    await renderInRoute(
      <ChartCard title="Satisfaction by department">
        <DepartmentBarChart
          bars={bars}
          actionLinkOf={({ department }) =>
            linkTo({ metric: 'score', departmentId: department.id }, department.name)
          }
        />
      </ChartCard>,
    );
    expect(controls()).toHaveLength(3);
    expect(hrefOf('IT')).toBe(
      '/actions/new?survey=survey-1&cycle=cycle-7&metric=score&department=it',
    );
    expect(hrefOf('Kitchen')).toBe(
      '/actions/new?survey=survey-1&cycle=cycle-7&metric=score&department=kitchen',
    );
    const kitchenRow = screen.getByRole('rowheader', { name: 'Kitchen' }).closest('tr');
    expect(kitchenRow?.textContent).toBe('KitchenwithheldRaise an action on Kitchen');
    expectNoNumber('Kitchen', /2\.71|\b3\b/);
    expect(screen.getByText('To raise an action on a row, show the table.')).toBeTruthy();
  });

  it('leaves out the control where the user may not raise an action, and the column when none may', async () => {
    const leader: ActionAccess = { ...hr, scope: ['kitchen'] };
    await renderInRoute(
      <DepartmentBarChart
        bars={bars}
        actionLinkOf={({ department }) =>
          raiseLink(leader, { metric: 'score', departmentId: department.id }, department.name)
        }
      />,
    );
    expect(controls().map((link) => link.textContent)).toEqual(['Raise an action on Kitchen']);
    cleanup();
    await renderInRoute(<DepartmentBarChart bars={bars} actionLinkOf={() => null} />);
    expect(screen.queryAllByRole('link')).toHaveLength(0);
    expect(screen.getAllByRole('columnheader')).toHaveLength(3);
  });

  it('keeps the CSV of the same table free of any control', () => {
    const csv = toCsv(tableOfDepartmentBars(bars));
    expect(csv).not.toMatch(/raise|action/i);
    expect(csv.split('\r\n')[0]).toBe('\uFEFFDepartment,Score,n');
  });
});

const questions: QuestionSplit[] = [
  {
    questionId: 'q-tools',
    text: 'I have the tools I need.',
    driver: 'Tools',
    split: split(62, 20, 45),
  },
  {
    questionId: 'q-growth',
    text: 'I see a way to grow here.',
    driver: 'Growth',
    split: split(33, 33, 3),
  },
];

describe('"Raise an action" on the question split', () => {
  it('puts a control on every question row, linked to its question', async () => {
    await renderInRoute(
      <QuestionSplitChart
        questions={questions}
        actionLinkOf={(question) =>
          linkTo({ metric: 'question', questionId: question.questionId }, question.text)
        }
      />,
    );
    expect(controls()).toHaveLength(2);
    expect(hrefOf('I see a way to grow here.')).toBe(
      '/actions/new?survey=survey-1&cycle=cycle-7&metric=question&question=q-growth',
    );
    expectNoNumber('I see a way to grow here.', /\b33\b|\b3\b/);
    expect(toCsv(tableOfQuestionSplits(questions))).not.toMatch(/raise an action/i);
  });
});

const matrix = kitchenMatrix;

describe('"Raise an action" on a heatmap cell', () => {
  it('gives each cell of the matrix a control for that customer rating that service', async () => {
    await renderInRoute(
      <ChartCard title="Matrix" tableOnly>
        <Heatmap
          heatmap={matrix}
          cellAction={(row, column) =>
            linkTo(
              { metric: 'service', departmentId: row.id, providerDepartmentId: column.id },
              `${row.name} rating ${column.name}`,
            )
          }
        />
      </ChartCard>,
    );
    // One per shown cell; none on the totals, nor on a withheld or empty cell (the issue 16
    // change: an action needs a figure to start from).
    expect(controls()).toHaveLength(2);
    expect(hrefOf('Kitchen rating IT')).toBe(
      '/actions/new?survey=survey-1&cycle=cycle-7&metric=service&department=kitchen&provider=it',
    );
    expect(
      screen.queryByRole('link', { name: 'Raise an action on Kitchen rating Facilities' }),
    ).toBeNull();
    expect(toCsv(tableOfHeatmap(matrix))).not.toMatch(/raise an action/i);
  });

  it('gives each cell of the drivers heatmap a control for that driver in that department', async () => {
    await renderInRoute(
      <Heatmap
        heatmap={{
          ...matrix,
          columns: [
            { id: 'Tools', name: 'Tools' },
            { id: 'Growth', name: 'Growth' },
          ],
        }}
        cellAction={(row, column) =>
          linkTo(
            { metric: 'driver', departmentId: row.id, driver: column.id },
            `${column.name} in ${row.name}`,
          )
        }
      />,
    );
    expect(hrefOf('Tools in Service floor')).toBe(
      '/actions/new?survey=survey-1&cycle=cycle-7&metric=driver&driver=Tools&department=service',
    );
  });
});

describe('"Raise an action" on the headline', () => {
  it('puts a control under the score and the eNPS, with none of a withheld figure’s number', async () => {
    const score = figure(3.87, 143);
    const enps = { state: 'withheld' as const };
    const Stub = createRemixStub([
      {
        path: '/insights',
        Component: () => (
          <ScoreHeadline
            score={score}
            enps={enps}
            actions={{
              score: linkTo({ metric: 'score', departmentId: 'kitchen' }, 'Kitchen score'),
              enps: linkTo({ metric: 'enps', departmentId: 'kitchen' }, 'Kitchen eNPS'),
            }}
          />
        ),
      },
    ]);
    render(<Stub initialEntries={['/insights']} />);
    await screen.findByText('Score');
    expect(hrefOf('Kitchen score')).toBe(
      '/actions/new?survey=survey-1&cycle=cycle-7&metric=score&department=kitchen',
    );
    expectNoNumber('Kitchen eNPS', /\d+\.\d/);
    expect(toCsv(tableOfScore(score, enps))).not.toMatch(/raise an action/i);
  });
});
