import { Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';

import { useMessage } from '~/components/ui/use-message';

import type { ActionRow } from '../action-list.server';
import { ActionStatusBadge } from './action-status';

/** A row of the action list as the table shows it (action-list.server.ts lists them). */
export type ActionTableRow = Omit<ActionRow, 'ownerId'>;

/** Actions, soonest due first; an overdue row says so in its status and is set apart. */
export function ActionTable({ rows }: { rows: ActionTableRow[] }) {
  const { t } = useTranslation('actions');
  const say = useMessage();
  if (rows.length === 0) return <p className="muted">{t('list.empty')}</p>;
  return (
    <div className="table-scroll">
      <table className="action-table">
        <thead>
          <tr>
            <th scope="col">{t('list.action')}</th>
            <th scope="col">{t('heard')}</th>
            <th scope="col">{t('list.department')}</th>
            <th scope="col">{t('list.owner')}</th>
            <th scope="col">{t('list.due')}</th>
            <th scope="col">{t('list.status')}</th>
            <th scope="col">{t('list.employees')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} className={row.overdue ? 'action-row-overdue' : undefined}>
              <th scope="row">
                <Link to={`/actions/${row.id}`}>{row.title}</Link>
                {row.latestUpdate ? (
                  <p className="action-latest muted">{row.latestUpdate}</p>
                ) : null}
              </th>
              {/* What was heard is stored as written when the action was raised. */}
              <td>{row.label}</td>
              <td>{row.departmentName ?? t('list.wholeCompany')}</td>
              <td>{say(row.ownerName)}</td>
              <td>{row.dueOn}</td>
              <td>
                <ActionStatusBadge status={row.status} overdue={row.overdue} />
              </td>
              <td>{row.published ? t('list.published') : t('list.notPublished')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
