import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';

import { OrganisationTime } from '~/components/ui/organisation-time';
import { pageTitle } from '~/i18n';
import { findOutboxMail } from '~/settings/outbox.server';
import { notFound, requireHrAdmin } from '~/utils/permissions.server';

export const meta: MetaFunction = ({ matches }) => [
  { title: pageTitle(matches, 'settings:outbox.mail', 'settings:outbox.title') },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireHrAdmin(request);
  const mail = await findOutboxMail(params.mailId ?? '');
  if (!mail) throw notFound();
  return json({ mail });
}

export default function OutboxMail() {
  const { mail } = useLoaderData<typeof loader>();
  const { t } = useTranslation('settings');
  return (
    <article className="mail" aria-labelledby="mail-subject">
      <h3 id="mail-subject">{mail.subject}</h3>
      <dl className="mail-headers">
        <dt>{t('outbox.to')}</dt>
        <dd>{mail.to}</dd>
        <dt>{t('outbox.kept')}</dt>
        <dd>
          <OrganisationTime iso={mail.createdAt} />
        </dd>
      </dl>
      <p className="mail-body">
        <Linked text={mail.text} />
      </p>
      <p>
        <Link to="/settings/outbox">{t('outbox.close')}</Link>
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
