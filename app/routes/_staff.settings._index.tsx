import type { LoaderFunctionArgs } from '@remix-run/node';

import { requireHrAdmin } from '~/utils/permissions.server';

export async function loader({ request }: LoaderFunctionArgs) {
  await requireHrAdmin(request);
  return null;
}

// Placeholder until the settings issue lands; it keeps the navigation honest meanwhile.
export default function OrganisationSettings() {
  return (
    <>
      <p>Anonymity threshold, languages and other organisation settings.</p>
      <p className="muted">This area is being built.</p>
    </>
  );
}
