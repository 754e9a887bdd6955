import { type ActionStatus, statusLabels } from '~/actions/action-rules';

/** An action's status in words, with an overdue flag in words too (never colour alone). */
export function ActionStatusBadge({ status, overdue }: { status: ActionStatus; overdue: boolean }) {
  return (
    <span className="action-status-line">
      <span className={`action-status action-status-${status}`}>{statusLabels[status]}</span>
      {overdue ? <span className="action-overdue">Overdue</span> : null}
    </span>
  );
}
