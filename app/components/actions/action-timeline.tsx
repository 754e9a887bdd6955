import { actionStatuses, statusLabels, type TimelineKind } from '~/actions/action-rules';
import { OrganisationTime } from '~/components/ui/organisation-time';

export interface TimelineItem {
  at: string;
  byName: string;
  kind: TimelineKind;
  from: string | null;
  to: string | null;
  note: string | null;
}

function statusWord(status: string | null): string {
  const known = actionStatuses.find((item) => item === status);
  return known ? statusLabels[known].toLowerCase() : (status ?? 'unknown');
}

function sentence(item: TimelineItem): string {
  switch (item.kind) {
    case 'created':
      return 'raised the action';
    case 'status':
      return `moved it from ${statusWord(item.from)} to ${statusWord(item.to)}`;
    case 'update':
      return 'posted an update';
    case 'edited':
      return 'edited it';
    case 'owner':
      return `handed it from ${item.from ?? 'someone'} to ${item.to ?? 'someone'}`;
    case 'published':
      return 'published it to employees';
    case 'unpublished':
      return 'took it off the employees’ board';
  }
}

/** Every change and update, newest first, with who made it and when. */
export function ActionTimeline({ items }: { items: TimelineItem[] }) {
  return (
    <ol className="action-timeline">
      {items.map((item, index) => (
        <li key={`${item.at}-${index}`}>
          <p>
            <strong>{item.byName}</strong> {sentence(item)}
            <span className="muted">
              {' · '}
              <OrganisationTime iso={item.at} />
            </span>
          </p>
          {item.note ? <p className="action-note">{item.note}</p> : null}
        </li>
      ))}
    </ol>
  );
}
