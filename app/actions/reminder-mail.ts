import type { LanguageCode } from '../../models/vocabulary';
import { mailWords } from '../i18n';

// The e-mails that remind an action's owner of its due date, in the owner's language (their
// person record's preference, the one their staff pages use); the link goes straight to the
// action's page.

export interface ReminderMailInput {
  ownerName: string;
  title: string;
  label: string;
  dueOn: string;
  link: string;
}

export type ReminderKind = 'due-soon' | 'overdue';

export function actionReminderMail(
  kind: ReminderKind,
  input: ReminderMailInput,
  language: LanguageCode = 'en',
) {
  const t = mailWords(language);
  const words = { dueOn: input.dueOn, title: input.title };
  const subject =
    kind === 'due-soon' ? t('reminder.subjectDueSoon', words) : t('reminder.subjectOverdue', words);
  const lead =
    kind === 'due-soon' ? t('reminder.leadDueSoon', words) : t('reminder.leadOverdue', words);
  const text = [
    t('greeting', { name: input.ownerName }),
    '',
    lead,
    '',
    t('reminder.action', { title: input.title }),
    t('reminder.raisedFrom', { label: input.label }),
    '',
    t('reminder.update'),
    input.link,
    '',
    t('reminder.board'),
  ].join('\n');
  return { subject: subject.slice(0, 300), text };
}
