import type { LanguageCode } from '../../models/vocabulary';
import { mailWords } from '../i18n';

// The e-mail that tells a leader an action is now theirs, in their language (their person
// record's preference, as the reminders in reminder-mail.ts); the link goes straight to the
// action's page, behind a sign-in. The action's title and what was heard are shown as stored.

export interface AssignedMailInput {
  ownerName: string;
  assignedByName: string;
  title: string;
  label: string;
  dueOn: string;
  link: string;
}

export function actionAssignedMail(input: AssignedMailInput, language: LanguageCode = 'en') {
  const t = mailWords(language);
  const text = [
    t('greeting', { name: input.ownerName }),
    '',
    t('assigned.lead', { assignedBy: input.assignedByName, dueOn: input.dueOn }),
    '',
    t('assigned.action', { title: input.title }),
    t('assigned.raisedFrom', { label: input.label }),
    '',
    t('assigned.open'),
    input.link,
    '',
    t('assigned.board'),
  ].join('\n');
  return { subject: t('assigned.subject', { title: input.title }).slice(0, 300), text };
}
