import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';

import { OrganisationTime } from '~/components/ui/organisation-time';
import { useMessage } from '~/components/ui/use-message';
import { readMessage } from '~/utils/message';

import { actionStatuses } from '../../../models/vocabulary';
import type { TimelineItem } from '../action-page.server';

type Words = TFunction<'actions'>;

function statusWord(t: Words, status: string | null): string {
  const known = actionStatuses.find((item) => item === status);
  return known ? t(`statusWords.${known}`) : (status ?? t('timeline.unknownStatus'));
}

function sentence(t: Words, item: TimelineItem): string {
  switch (item.kind) {
    case 'created':
      return t('timeline.created');
    case 'status':
      return t('timeline.status', { from: statusWord(t, item.from), to: statusWord(t, item.to) });
    case 'update':
      return t('timeline.update');
    case 'edited':
      return t('timeline.edited');
    case 'owner':
      // Owners are stored by name as they were then: names are not translated.
      return t('timeline.owner', {
        from: item.from ?? t('timeline.someone'),
        to: item.to ?? t('timeline.someone'),
      });
    case 'published':
      return t('timeline.published');
    case 'unpublished':
      return t('timeline.unpublished');
  }
}

/**
 * What an edit changed. Edits record the fields they changed as a message
 * (actions:timeline.changed with the fields' names and the due dates); older edits recorded an
 * English sentence, shown as it was written. Other notes are what people typed.
 */
function noteText(
  t: Words,
  say: (text: string) => string | undefined,
  item: TimelineItem,
): string | null {
  if (!item.note) return null;
  if (item.kind !== 'edited') return item.note;
  const message = readMessage(item.note);
  if (message?.namespace !== 'actions' || message.key !== 'timeline.changed') {
    return say(item.note) ?? item.note;
  }
  const { fields = '', dueFrom = '', dueTo = '' } = message.values;
  const names = String(fields)
    .split(',')
    .map((field) =>
      field === 'dueOn'
        ? t('timeline.changedDue', { from: dueFrom, to: dueTo })
        : field === 'title'
          ? t('timeline.changedTitle')
          : field === 'description'
            ? t('timeline.changedDescription')
            : field,
    );
  return t('timeline.changed', { fields: names.join(', ') });
}

/** Every change and update, newest first, with who made it and when. */
export function ActionTimeline({ items }: { items: TimelineItem[] }) {
  const { t } = useTranslation('actions');
  const say = useMessage();
  return (
    <ol className="action-timeline">
      {items.map((item, index) => {
        const note = noteText(t, say, item);
        return (
          <li key={`${item.at}-${index}`}>
            <p>
              <strong>{item.byName}</strong> {sentence(t, item)}
              <span className="muted">
                {' · '}
                <OrganisationTime iso={item.at} />
              </span>
            </p>
            {note ? <p className="action-note">{note}</p> : null}
          </li>
        );
      })}
    </ol>
  );
}
