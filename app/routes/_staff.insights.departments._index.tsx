import { type LoaderFunctionArgs, redirect } from '@remix-run/node';

import { requireStaff } from '~/utils/permissions.server';

// The "Open department" form of the insight pages lands here and goes on to that department's
// page with the same survey and cycles; the page itself checks the user's scope.
export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request);
  const params = new URL(request.url).searchParams;
  const department = params.get('department') ?? '';
  if (!/^[a-f\d]{24}$/i.test(department))
    throw new Response('Choose a department', { status: 400 });
  params.delete('department');
  return redirect(`/insights/departments/${department}?${params}`);
}
