import { type LoaderFunctionArgs, redirect } from '@remix-run/node';

import { refuseAddress } from '~/utils/form.server';
import { requireStaff } from '~/utils/permissions.server';

// The "Open department" form of the insight pages lands here and goes on to that department's
// page with the same survey and cycles; the page itself checks the user's scope.
export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request);
  const params = new URL(request.url).searchParams;
  const department = params.get('department') ?? '';
  if (!/^[a-f\d]{24}$/i.test(department)) throw refuseAddress('Choose a department');
  params.delete('department');
  return redirect(`/insights/departments/${department}?${params}`);
}
