import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Form, Link, Outlet, useLoaderData, useSearchParams } from '@remix-run/react';

import { ErrorPage, useErrorDetail, useErrorStatus } from '~/components/error-page';
import { Pagination } from '~/components/pagination';
import { OrganisationTime } from '~/components/ui/organisation-time';
import { TextField } from '~/components/ui/text-field';
import { listOutboxMail } from '~/settings/outbox.server';
import { outboxFiltersSchema, outboxSearchMaxLength } from '~/settings/outbox-filters';
import { mailGoesToOutbox } from '~/utils/mail.server';
import { requireHrAdmin } from '~/utils/permissions.server';

export const meta: MetaFunction = () => [{ title: 'Outbox · Settings · Innerloop' }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireHrAdmin(request);
  const parsed = outboxFiltersSchema.safeParse(
    Object.fromEntries(new URL(request.url).searchParams),
  );
  if (!parsed.success) {
    throw new Response(parsed.error.issues[0]?.message ?? 'Bad search', { status: 400 });
  }
  return json({ ...(await listOutboxMail(parsed.data)), inUse: mailGoesToOutbox() });
}

export default function Outbox() {
  const { mails, inUse, search, total, page, pageCount, notes } = useLoaderData<typeof loader>();
  const [searchParams] = useSearchParams();
  return (
    <>
      <h2>Outbox</h2>
      <p>
        {inUse
          ? 'No mail server is configured (SMTP_URL), so e-mails are kept here instead of being sent: they reach nobody. Set SMTP_URL to send them.'
          : 'E-mails are sent through the mail server in SMTP_URL. Mail kept here before that was set stays for 30 days.'}
      </p>
      <p className="muted">
        Personal links — survey invitations and reminders, password resets — are never kept here:
        whoever holds one could answer as its recipient or sign in as them. A kept mail shows where
        its link was. Without a mail server, hand out survey links with a cycle’s printable links or
        QR cards.
      </p>
      <Outlet />
      <Form method="get" className="filters" role="search" aria-label="Search the outbox">
        <TextField
          label="Recipient or subject"
          name="q"
          type="search"
          defaultValue={search}
          maxLength={outboxSearchMaxLength}
        />
        <button type="submit" className="button">
          Search
        </button>
      </Form>
      {notes.map((note) => (
        <p key={note} className="form-alert" role="status">
          {note}
        </p>
      ))}
      {search ? (
        <p aria-live="polite">
          {total === 1 ? '1 e-mail' : `${total.toLocaleString('en')} e-mails`} matching “{search}”
        </p>
      ) : null}
      {mails.length === 0 ? (
        <p className="muted">{search ? 'No e-mail matches.' : 'The outbox is empty.'}</p>
      ) : (
        <div className="table-scroll">
          <table className="table">
            <caption className="muted">Newest first, kept for 30 days</caption>
            <thead>
              <tr>
                <th scope="col">Kept</th>
                <th scope="col">To</th>
                <th scope="col">Subject</th>
              </tr>
            </thead>
            <tbody>
              {mails.map((mail) => (
                <tr key={mail.id}>
                  <td>
                    <OrganisationTime iso={mail.createdAt} />
                  </td>
                  <td>{mail.to}</td>
                  <td>
                    <Link to={`/settings/outbox/${mail.id}`}>{mail.subject}</Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination
        page={page}
        pageCount={pageCount}
        searchParams={searchParams}
        label="Outbox pages"
      />
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorPage status={useErrorStatus()} detail={useErrorDetail()} />;
}
