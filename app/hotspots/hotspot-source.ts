import { driverOf } from '../insights/cycle-tables.server';
import type { QuestionInfo } from '../insights/filters.server';
import { empty, type Reading } from '../insights/withholding';
import { message } from '../utils/message';
import { hotspotKey, type HotspotTable } from './hotspot-table';

// An action raised from a hotspot is a driver result with a rated department as well: the driver
// of a customer department's ratings of one provider. The action's follow-up, its baseline and
// the board read it here, from the cycle's cube, as they read every other source from the
// cycle's results (app/insights/metric.server.ts).

interface DriverSource {
  driver: string | null;
  departmentId: string | null;
  providerDepartmentId: string | null;
}

/**
 * Why a driver source with a rated department cannot be measured, or null when it can: the
 * driver must be one the survey rates services on, and the customer department must be named.
 */
export function hotspotSourceProblem(
  questions: readonly QuestionInfo[],
  source: DriverSource,
): { field: 'provider' | 'department'; message: string } | null {
  const serviceDrivers = new Set(
    driverOf(questions.filter((question) => question.internalService)).values(),
  );
  if (!source.driver || !serviceDrivers.has(source.driver)) {
    return { field: 'provider', message: 'actions:errors.source.providerOnlyService' };
  }
  if (!source.departmentId) {
    return { field: 'department', message: 'hotspots:errors.needsCustomer' };
  }
  return null;
}

/** The cube's cell a hotspot source points at, in one cycle. */
export function hotspotReading(table: HotspotTable, source: DriverSource): Reading {
  const { departmentId, providerDepartmentId, driver } = source;
  if (!departmentId || !providerDepartmentId || !driver) return empty;
  return table.cells.get(hotspotKey(departmentId, providerDepartmentId, driver))?.reading ?? empty;
}

/** "IT as rated by Kitchen · Responsiveness", as a message the reader's language says. */
export function hotspotMessage(names: { provider: string; department: string; driver: string }) {
  return message('hotspots:metric', names);
}
