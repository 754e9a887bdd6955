import type { TFunction } from 'i18next';

import type { LanguageCode } from '../../models/vocabulary';
import { mailWords } from '../i18n';

// The e-mails about an action, to its owner in their language (their person record's preference,
// the one their staff pages use): that it is now theirs, and that it is due soon or overdue. The
// link goes straight to the action's page, behind a sign-in. The action's title and what was
// heard are shown as stored. Both mails are one skeleton; only the subject, the lead and the
// call to act differ (the `mail` namespace: assigned.*, reminder.*, actionItem.*).

interface ActionMailInput {
  ownerName: string;
  title: string;
  label: string;
  link: string;
}

interface AssignedMailInput extends ActionMailInput {
  assignedByName: string;
  dueOn: string;
}

interface ReminderMailInput extends ActionMailInput {
  dueOn: string;
}

export type ReminderKind = 'due-soon' | 'overdue';

export function actionAssignedMail(input: AssignedMailInput, language: LanguageCode = 'en') {
  const t = mailWords(language);
  return actionMail(t, input, {
    subject: t('assigned.subject', { title: input.title }),
    lead: t('assigned.lead', { assignedBy: input.assignedByName, dueOn: input.dueOn }),
    call: t('assigned.open'),
  });
}

export function actionReminderMail(
  kind: ReminderKind,
  input: ReminderMailInput,
  language: LanguageCode = 'en',
) {
  const t = mailWords(language);
  const words = { dueOn: input.dueOn, title: input.title };
  return actionMail(t, input, {
    subject:
      kind === 'due-soon'
        ? t('reminder.subjectDueSoon', words)
        : t('reminder.subjectOverdue', words),
    lead: kind === 'due-soon' ? t('reminder.leadDueSoon', words) : t('reminder.leadOverdue', words),
    call: t('reminder.update'),
  });
}

function actionMail(
  t: TFunction<'mail'>,
  input: ActionMailInput,
  { subject, lead, call }: { subject: string; lead: string; call: string },
) {
  const text = [
    t('greeting', { name: input.ownerName }),
    '',
    lead,
    '',
    t('actionItem.title', { title: input.title }),
    t('actionItem.raisedFrom', { label: input.label }),
    '',
    call,
    input.link,
    '',
    t('actionItem.board'),
  ].join('\n');
  return { subject: subject.slice(0, 300), text };
}
