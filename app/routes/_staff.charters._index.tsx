import { json, type LoaderFunctionArgs } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';

import { listCharters } from '~/charters/charters.server';
import { Table } from '~/components/ui/table';
import { requireStaff } from '~/utils/permissions.server';

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireStaff(request);
  return json({ charters: await listCharters(user) });
}

/** The departments that serve others, each with its charter's state. */
export default function Charters() {
  const { charters } = useLoaderData<typeof loader>();
  const { t } = useTranslation('charters');
  return (
    <>
      <h1 id="page-title">{t('title')}</h1>
      <p className="muted">{t('intro')}</p>
      {charters.length === 0 ? (
        <p>{t('list.empty')}</p>
      ) : (
        <Table
          caption={t('title')}
          columns={[t('list.department'), t('list.standards'), t('list.status')]}
        >
          {charters.map((charter) => (
            <tr key={charter.department.id}>
              <th scope="row">
                <Link to={`/charters/${charter.department.id}`}>{charter.department.name}</Link>
              </th>
              <td>{charter.standards}</td>
              <td>
                {charter.standards === 0
                  ? t('list.none')
                  : charter.published
                    ? t('list.published')
                    : t('list.draft')}
              </td>
            </tr>
          ))}
        </Table>
      )}
    </>
  );
}
