import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Form, Link, Outlet, useLoaderData, useSearchParams } from '@remix-run/react';
import { useTranslation } from 'react-i18next';

import { ErrorPage, useErrorDetail, useErrorStatus } from '~/components/error-page';
import { Pagination } from '~/components/pagination';
import { OrganisationTime } from '~/components/ui/organisation-time';
import { Table } from '~/components/ui/table';
import { TextField } from '~/components/ui/text-field';
import { useMessage } from '~/components/ui/use-message';
import { pageTitle } from '~/i18n';
import { listOutboxMail } from '~/settings/outbox.server';
import { outboxFiltersSchema, outboxSearchMaxLength } from '~/settings/outbox-filters';
import { parseSearch, refuseAddress } from '~/utils/form.server';
import { mailGoesToOutbox } from '~/utils/mail.server';
import { requireHrAdmin } from '~/utils/permissions.server';

export const meta: MetaFunction = ({ matches }) => [
  { title: pageTitle(matches, 'settings:outbox.title', 'settings:title') },
];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireHrAdmin(request);
  const parsed = parseSearch(request, outboxFiltersSchema);
  // A message key (see ~/utils/message); the error boundary says it in the reader's language.
  if (!parsed.ok) throw refuseAddress(parsed, 'settings:outbox.badSearch');
  return json({ ...(await listOutboxMail(parsed.data)), inUse: mailGoesToOutbox() });
}

export default function Outbox() {
  const { mails, inUse, search, total, page, pageCount, notes } = useLoaderData<typeof loader>();
  const [searchParams] = useSearchParams();
  const { t, i18n } = useTranslation('settings');
  const say = useMessage();
  return (
    <>
      <h2>{t('outbox.title')}</h2>
      <p>{inUse ? t('outbox.inUse') : t('outbox.notInUse')}</p>
      <p className="muted">{t('outbox.personalLinks')}</p>
      <Outlet />
      <Form method="get" className="filters" role="search" aria-label={t('outbox.search')}>
        <TextField
          label={t('outbox.query')}
          name="q"
          type="search"
          defaultValue={search}
          maxLength={outboxSearchMaxLength}
        />
        <button type="submit" className="button">
          {t('outbox.submitSearch')}
        </button>
      </Form>
      {notes.map((note) => (
        <p key={note} className="form-alert" role="status">
          {say(note)}
        </p>
      ))}
      {search ? (
        <p aria-live="polite">
          {t('outbox.matching', {
            count: total,
            total: total.toLocaleString(i18n.language),
            search,
          })}
        </p>
      ) : null}
      {mails.length === 0 ? (
        <p className="muted">{search ? t('outbox.noMatch') : t('outbox.empty')}</p>
      ) : (
        <Table
          caption={t('outbox.caption')}
          showCaption
          columns={[t('outbox.kept'), t('outbox.to'), t('outbox.subject')]}
        >
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
        </Table>
      )}
      <Pagination
        page={page}
        pageCount={pageCount}
        searchParams={searchParams}
        label={t('outbox.pages')}
      />
    </>
  );
}

export function ErrorBoundary() {
  const say = useMessage();
  return <ErrorPage status={useErrorStatus()} detail={say(useErrorDetail())} />;
}
