import type { StaffUser } from '../utils/permissions.server';
import { measureValue } from './charter-form';
import { canEditCharter, charterDepartment, readCharter } from './charters.server';
import { measureOptions } from './measures.server';
import { charterReadings, type StandardReadings } from './readings.server';
import { textsOf } from './texts';

/** One standard as the charter page shows and edits it. */
export interface StandardView {
  key: string;
  text: Record<string, string>;
  /** The form's measure value (`driver:…` or `question:…`). */
  measure: string;
  target: number;
}

/**
 * A provider's charter page: its standards, the measures they may use, and the readings — every
 * department it serves for those who may edit it, else the viewer's own departments only.
 */
export async function loadCharterPage(user: StaffUser, departmentId: string) {
  const department = await charterDepartment(departmentId);
  const charter = await readCharter(departmentId);
  const canEdit = canEditCharter(user, departmentId);
  const [options, readings] = await Promise.all([
    canEdit ? measureOptions(department, user.language) : Promise.resolve([]),
    charterReadings(departmentId, charter.standards, {
      language: user.language,
      customers: canEdit ? undefined : (id) => user.scope.includes(id),
    }),
  ]);
  const standards: StandardView[] = charter.standards.map((standard) => ({
    key: standard.key,
    text: textsOf(standard.text),
    measure: standard.measure.driver
      ? measureValue({ kind: 'driver', driver: standard.measure.driver })
      : measureValue({
          kind: 'question',
          surveyId: String(standard.measure.surveyId),
          questionId: standard.measure.questionId ?? '',
        }),
    target: standard.target,
  }));
  return {
    department,
    published: charter.published,
    canEdit,
    standards,
    options: options.map(({ value, label, survey, scale, choice }) => ({
      value,
      label,
      survey,
      scale,
      kind: choice.kind,
    })),
    readings: readings satisfies StandardReadings[],
  };
}
