import type {
  ActionFunctionArgs,
  LinksFunction,
  LoaderFunctionArgs,
  MetaFunction,
} from '@remix-run/node';
import { json } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';

import { ErrorPage, useErrorStatus } from '~/components/error-page';
import { pageTitle } from '~/i18n';
import thanksStyles from '~/styles/thanks.css';
import { ThanksInboxView } from '~/thanks/components/thanks-inbox-view';
import { setPublished, thanksInbox } from '~/thanks/inbox.server';
import { publishForm, thanksFilters } from '~/thanks/thanks-forms';
import { parseForm, parseSearch, refuseAddress, refuseForm } from '~/utils/form.server';
import { requireStaff } from '~/utils/permissions.server';

export const handle = { i18n: ['thanks'] };

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: thanksStyles }];

export const meta: MetaFunction = ({ matches }) => [
  { title: pageTitle(matches, 'thanks:staff.title') },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireStaff(request);
  const filters = parseSearch(request, thanksFilters);
  if (!filters.ok) throw refuseAddress(filters, 'thanks:errors.badDepartment');
  return json({ inbox: await thanksInbox(user, filters.data, new Date()) });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireStaff(request);
  const form = await parseForm(request, publishForm);
  if (!form.ok) return refuseForm(form);
  await setPublished(user, form.data, new Date());
  return json({ ok: true as const });
}

/** Thanks the viewer's departments received, for their leaders and HR admins. */
export default function ThanksPage() {
  const { inbox } = useLoaderData<typeof loader>();
  return <ThanksInboxView inbox={inbox} />;
}

export function ErrorBoundary() {
  return <ErrorPage status={useErrorStatus()} />;
}
