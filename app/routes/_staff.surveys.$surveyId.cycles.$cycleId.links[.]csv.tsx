import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { redirect } from '@remix-run/node';

import { printableLinksForm } from '~/surveys/printable-links';
import { linksCsv, linksForCycle } from '~/surveys/printable-links.server';
import { parseForm } from '~/utils/form.server';
import { notFound, requireHrAdmin } from '~/utils/permissions.server';

const cyclePage = (params: LoaderFunctionArgs['params']) =>
  `/surveys/${params.surveyId ?? ''}/cycles/${params.cycleId ?? ''}`;

// Making links replaces people's tokens, so the file only comes from a POST (the cycle page's
// form); opening the address just leads back there.
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireHrAdmin(request);
  return redirect(cyclePage(params));
}

export async function action({ request, params }: ActionFunctionArgs) {
  await requireHrAdmin(request);
  const form = await parseForm(request, printableLinksForm, { lists: ['departmentIds'] });
  if (!form.ok) return redirect(`${cyclePage(params)}?links=choose`);
  const result = await linksForCycle(
    params.surveyId ?? '',
    params.cycleId ?? '',
    form.data,
    new Date(),
  );
  if (!result) throw notFound();
  if (!result.ok) return redirect(`${cyclePage(params)}?links=closed`);
  return new Response(linksCsv(result.links), {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="invitation-links-cycle-${result.cycleNumber}.csv"`,
      // Personal links: never kept by a cache on the way.
      'Cache-Control': 'no-store',
    },
  });
}
