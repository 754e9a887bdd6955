import { Types } from 'mongoose';

import { CharterModel } from '../../models/charter.server';
import { CycleModel } from '../../models/cycle.server';
import { DepartmentModel } from '../../models/department.server';
import type { ActionSource } from '../actions/action-rules';
import type { MetricSums, SourceProblem } from '../insights/metric.server';
import { sumsOf } from '../insights/metric.server';
import type { Figure } from '../insights/types';
import { figureOf } from '../insights/withholding';
import { localize } from '../surveys/localize';
import { standardReadingAt } from './readings.server';
import { textsOf } from './texts';

// An action raised from a standard of a charter: one customer's reading of one provider's
// standard in one settled cycle. Its baseline is that cell as the charter page shows it (the same
// decision for every viewer), and nothing when the cell is not measured.

export type CharterMetric =
  | { ok: false; problem: SourceProblem }
  | { ok: true; label: string; baseline: Figure; atSource: MetricSums | null };

const problem = (field: SourceProblem['field'], message: string): CharterMetric => ({
  ok: false,
  problem: { field, message },
});

/** Checks a charter source and reads its baseline. */
export async function charterMetric(source: ActionSource): Promise<CharterMetric> {
  const { providerDepartmentId: provider, departmentId: customer } = source;
  if (!provider || !customer) return problem('provider', 'charters:errors.sourceDepartments');
  const charter = await CharterModel.findOne(
    { departmentId: new Types.ObjectId(provider) },
    { standards: 1 },
  ).lean();
  const standard = charter?.standards.find((item) => item.key === source.charterStandardKey);
  if (!standard) return problem('source', 'charters:errors.unknownStandard');
  const { measure } = standard;
  const matches =
    source.metric === 'driver'
      ? !!measure.driver && measure.driver === source.driver
      : source.metric === 'question' &&
        String(measure.surveyId) === source.surveyId &&
        measure.questionId === source.questionId;
  if (!matches) return problem('source', 'charters:errors.unknownStandard');
  const cycle = await CycleModel.exists({
    _id: new Types.ObjectId(source.cycleId),
    surveyId: new Types.ObjectId(source.surveyId),
    status: 'closed',
  });
  if (!cycle) return problem('cycle', 'actions:errors.source.cycleOpen');
  const reading = await standardReadingAt(provider, standard, {
    surveyId: source.surveyId,
    cycleId: source.cycleId,
    customerId: customer,
  });
  const figure = figureOf(reading);
  const names = new Map(
    (
      await DepartmentModel.find(
        { _id: { $in: [provider, customer].map((id) => new Types.ObjectId(id)) } },
        { name: 1 },
      ).lean()
    ).map((department) => [String(department._id), department.name]),
  );
  // One plain English label, as every action keeps it (see metricLabel).
  const text = localize(textsOf(standard.text), 'en', 'en');
  const label = `${names.get(provider) ?? 'Unknown department'} charter · ${text} (as rated by ${names.get(customer) ?? 'Unknown department'})`;
  return {
    ok: true,
    label,
    baseline:
      figure.state === 'shown' ? { state: 'shown', n: figure.n, value: figure.value } : figure,
    atSource: sumsOf(reading),
  };
}
