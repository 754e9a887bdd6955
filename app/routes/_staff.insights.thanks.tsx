import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';

import { pageTitle } from '~/i18n';
import { ThanksCountsView } from '~/thanks/components/thanks-counts-view';
import { thanksCounts } from '~/thanks/counts.server';
import { requireStaff } from '~/utils/permissions.server';

export const handle = { i18n: ['thanks'] };

export const meta: MetaFunction = ({ matches }) => [
  { title: pageTitle(matches, 'thanks:insights.title', 'insights:title') },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireStaff(request);
  return json({ counts: await thanksCounts(user, new Date()) });
}

/** Insights: how many thanks each department received, per driver, under the threshold rules. */
export default function ThanksCountsPage() {
  const { counts } = useLoaderData<typeof loader>();
  return <ThanksCountsView counts={counts} />;
}
