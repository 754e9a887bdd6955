import { Link } from '@remix-run/react';

import type { ActionStatus } from '~/actions/action-rules';

import { ActionStatusBadge } from './action-status';

export interface ActionTableRow {
  id: string;
  title: string;
  label: string;
  status: ActionStatus;
  ownerName: string;
  departmentName: string | null;
  dueOn: string;
  overdue: boolean;
  published: boolean;
  latestUpdate: string | null;
}

/** Actions, soonest due first; an overdue row says so in its status and is set apart. */
export function ActionTable({ rows }: { rows: ActionTableRow[] }) {
  if (rows.length === 0) return <p className="muted">No actions match these filters.</p>;
  return (
    <div className="table-scroll">
      <table className="action-table">
        <thead>
          <tr>
            <th scope="col">Action</th>
            <th scope="col">What was heard</th>
            <th scope="col">Department</th>
            <th scope="col">Owner</th>
            <th scope="col">Due</th>
            <th scope="col">Status</th>
            <th scope="col">Employees</th>
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
              <td>{row.label}</td>
              <td>{row.departmentName ?? 'Whole company'}</td>
              <td>{row.ownerName}</td>
              <td>{row.dueOn}</td>
              <td>
                <ActionStatusBadge status={row.status} overdue={row.overdue} />
              </td>
              <td>{row.published ? 'Published' : 'Not published'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
