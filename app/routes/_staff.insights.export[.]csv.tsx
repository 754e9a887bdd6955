import type { LoaderFunctionArgs } from '@remix-run/node';
import { z } from 'zod';

import { loadDepartment } from '~/insights/department.server';
import { loadDrivers } from '~/insights/drivers.server';
import {
  departmentExports,
  driversExports,
  matrixExports,
  overviewExports,
} from '~/insights/exports';
import { loadMatrix } from '~/insights/matrix.server';
import { loadOverview } from '~/insights/overview.server';
import { type Table, toCsv } from '~/insights/tables';
import { parseSearch, refuseAddress } from '~/utils/form.server';
import type { StaffUser } from '~/utils/permissions.server';
import { notFound, requireStaff } from '~/utils/permissions.server';

// The CSV of one chart: the page's own loader runs with the same filters (so the same scope and
// suppression apply), and the chart's table is built by the function its table view uses.

const exportParams = z.discriminatedUnion('page', [
  z.object({ page: z.literal('overview'), chart: z.enum(keys(overviewExports)) }),
  z.object({ page: z.literal('matrix'), chart: z.enum(keys(matrixExports)) }),
  z.object({ page: z.literal('drivers'), chart: z.enum(keys(driversExports)) }),
  z.object({
    page: z.literal('department'),
    chart: z.enum(keys(departmentExports)),
    department: z.string().regex(/^[a-f\d]{24}$/i, 'Choose a department'),
  }),
]);

function keys<T extends object>(record: T): [keyof T & string, ...(keyof T & string)[]] {
  return Object.keys(record) as [keyof T & string, ...(keyof T & string)[]];
}

async function tableFor(
  user: StaffUser,
  chosen: z.infer<typeof exportParams>,
  params: URLSearchParams,
): Promise<Table | null> {
  switch (chosen.page) {
    case 'overview':
      return overviewExports[chosen.chart](await loadOverview(user, params));
    case 'matrix':
      return matrixExports[chosen.chart](await loadMatrix(user, params));
    case 'drivers':
      return driversExports[chosen.chart](await loadDrivers(user, params));
    case 'department':
      return departmentExports[chosen.chart](await loadDepartment(user, chosen.department, params));
  }
}

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireStaff(request);
  const params = new URL(request.url).searchParams;
  const parsed = parseSearch(params, exportParams);
  if (!parsed.ok) throw refuseAddress(parsed, 'Unknown export');
  // The page loaders read only their own filters; these say which chart.
  for (const name of ['page', 'chart', 'department']) params.delete(name);
  const table = await tableFor(user, parsed.data, params);
  if (!table) throw notFound('Nothing to export for this choice');
  const name = [
    'innerloop',
    parsed.data.page,
    parsed.data.chart,
    `cycles-${params.get('from') ?? ''}-${params.get('to') ?? ''}`,
  ]
    .join('-')
    .replace(/[^\w.-]+/g, '');
  return new Response(toCsv(table), {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${name}.csv"`,
      'Cache-Control': 'private, no-store',
    },
  });
}
