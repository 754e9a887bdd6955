import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Link, Outlet, useLoaderData } from '@remix-run/react';

import { OrganisationTime } from '~/components/ui/organisation-time';
import { listOutboxMail } from '~/settings/outbox.server';
import { mailGoesToOutbox } from '~/utils/mail.server';
import { requireHrAdmin } from '~/utils/permissions.server';

export const meta: MetaFunction = () => [{ title: 'Outbox · Settings · Innerloop' }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireHrAdmin(request);
  return json({ mails: await listOutboxMail(), inUse: mailGoesToOutbox() });
}

export default function Outbox() {
  const { mails, inUse } = useLoaderData<typeof loader>();
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
      {mails.length === 0 ? (
        <p className="muted">The outbox is empty.</p>
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
    </>
  );
}
