import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { Fragment } from 'react';

import { OrganisationTime } from '~/components/ui/organisation-time';
import { findOutboxMail } from '~/settings/outbox.server';
import { requireHrAdmin } from '~/utils/permissions.server';

export const meta: MetaFunction = () => [{ title: 'E-mail · Outbox · Innerloop' }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireHrAdmin(request);
  const mail = await findOutboxMail(params.mailId ?? '');
  if (!mail) throw new Response('Not found', { status: 404 });
  return json({ mail });
}

export default function OutboxMail() {
  const { mail } = useLoaderData<typeof loader>();
  return (
    <article className="mail" aria-labelledby="mail-subject">
      <h3 id="mail-subject">{mail.subject}</h3>
      <dl className="mail-headers">
        <dt>To</dt>
        <dd>{mail.to}</dd>
        <dt>Kept</dt>
        <dd>
          <OrganisationTime iso={mail.createdAt} />
        </dd>
      </dl>
      <p className="mail-body">
        <Linked text={mail.text} />
      </p>
      <p>
        <Link to="/settings/outbox">Close</Link>
      </p>
    </article>
  );
}

/** The text with its web addresses as links, so a link in a kept e-mail can be followed. */
function Linked({ text }: { text: string }) {
  return text.split(/(https?:\/\/[^\s<>"]+)/g).map((part, index) =>
    index % 2 === 1 ? (
      <a key={index} href={part}>
        {part}
      </a>
    ) : (
      <Fragment key={index}>{part}</Fragment>
    ),
  );
}
