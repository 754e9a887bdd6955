import { isValidObjectId } from 'mongoose';

import { measureOf } from '../question-types/registry';
import { notFound, requireScope, type StaffUser } from '../utils/permissions.server';
import { driverOf } from './cycle-tables.server';
import { departmentRef, resolveInsights } from './filters.server';
import { markersOf, readDoneActions } from './markers.server';
import { byName } from './matrix.server';
import { readInvited } from './rollup-reads.server';
import {
  actionAccessOf,
  figuresPerCycle,
  participationOf,
  resultsOfView,
  trendOf,
} from './series.server';
import { cellKey } from './suppression';
import type { DepartmentView } from './types';
import { empty, figureOf } from './withholding';

/**
 * One department's page: as the answering department (score, eNPS, trend, question splits,
 * drivers, participation) and as a department rated by its internal customers. Every figure is
 * one of the organisation's figures of its cycle, the same the overview, matrix and drivers
 * pages show, so the department page can never show what those withhold. Its trends mark the
 * actions completed for the department: its own (as the answering department) on the first, and
 * those on its service on the second.
 */
export async function loadDepartment(
  user: StaffUser,
  departmentId: string,
  params: URLSearchParams,
): Promise<DepartmentView> {
  if (!isValidObjectId(departmentId)) throw notFound('Department not found');
  requireScope(user, departmentId);
  const context = await resolveInsights(user, params);
  const cycleIds = context.cycles.map((cycle) => cycle.id);
  const latest = context.cycles.at(-1) ?? null;
  const [results, invited, doneActions] = await Promise.all([
    resultsOfView(context, cycleIds),
    readInvited(context),
    readDoneActions(context),
  ]);
  const figures = figuresPerCycle(context, results);
  const latestResults = latest ? results.get(latest.id) : undefined;
  const splits = latestResults?.splits() ?? [];
  const driverTable = latestResults?.drivers();
  const hasEnps = context.questions.some(
    (question) => measureOf(question.type) === 'enps' && !question.internalService,
  );
  const scoreReadings = figures.map((cycle) => cycle.score.parts.get(departmentId) ?? empty);
  const enpsReadings = figures.map((cycle) => cycle.enps?.parts.get(departmentId) ?? empty);

  const latestMatrix = latestResults?.matrix();
  const customers = new Set<string>();
  for (const key of latestMatrix?.cells.keys() ?? []) {
    const [row, column] = key.split('\u0000');
    if (row && column === departmentId) customers.add(row);
  }
  const ratedReadings = context.cycles.map(
    (cycle) => results.get(cycle.id)?.matrix().columnTotals.get(departmentId) ?? empty,
  );
  const everRated = ratedReadings.some((reading) => reading.state !== 'empty');

  return {
    filters: { ...context.filters, departmentId },
    surveys: context.surveys,
    cycles: context.cycles,
    pending: context.pending,
    threshold: context.threshold,
    latest,
    department: departmentRef(context, departmentId),
    answering: {
      score: figureOf(scoreReadings.at(-1) ?? empty, scoreReadings.at(-2)),
      enps: hasEnps ? figureOf(enpsReadings.at(-1) ?? empty, enpsReadings.at(-2)) : null,
      trend: trendOf(
        context,
        [
          { key: 'score', label: 'insights:series.score', readings: scoreReadings },
          ...(hasEnps
            ? [{ key: 'enps', label: 'insights:series.enps', readings: enpsReadings }]
            : []),
        ],
        markersOf(
          doneActions,
          (action) => action.departmentId === departmentId && action.providerDepartmentId === null,
        ),
      ),
      questions: splits.map(({ question, byDepartment }) => ({
        questionId: question.id,
        text: question.text,
        driver: question.driver,
        split: byDepartment.get(departmentId) ?? { state: 'empty' },
      })),
      drivers: [...new Set(driverOf(context.questions).values())].sort().map((driver) => ({
        driver,
        figure: figureOf(driverTable?.cells.get(cellKey(departmentId, driver)) ?? empty),
      })),
      participation: participationOf(context, figures, invited, [departmentId], false),
    },
    rated: everRated
      ? {
          score: figureOf(ratedReadings.at(-1) ?? empty, ratedReadings.at(-2)),
          byCustomer: byName(context, customers).map((customer) => ({
            department: customer,
            figure: figureOf(latestMatrix?.cells.get(cellKey(customer.id, departmentId)) ?? empty),
          })),
          trend: trendOf(
            context,
            [
              {
                key: 'rated',
                label: departmentRef(context, departmentId).name,
                readings: ratedReadings,
              },
            ],
            markersOf(doneActions, (action) => action.providerDepartmentId === departmentId),
          ),
        }
      : null,
    actions: actionAccessOf(context),
  };
}
