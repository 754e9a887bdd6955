// The e-mails that remind an action's owner of its due date. Staff read English; the link goes
// straight to the action's page.

export interface ReminderMailInput {
  ownerName: string;
  title: string;
  label: string;
  dueOn: string;
  link: string;
}

export type ReminderKind = 'due-soon' | 'overdue';

export function actionReminderMail(kind: ReminderKind, input: ReminderMailInput) {
  const subject =
    kind === 'due-soon'
      ? `Action due ${input.dueOn}: ${input.title}`
      : `Action overdue since ${input.dueOn}: ${input.title}`;
  const lead =
    kind === 'due-soon'
      ? `The action you own is due on ${input.dueOn}.`
      : `The action you own was due on ${input.dueOn} and is not done yet.`;
  const text = [
    `Hello ${input.ownerName},`,
    '',
    lead,
    '',
    `Action: ${input.title}`,
    `Raised from: ${input.label}`,
    '',
    'Add an update, move it on or change its due date here:',
    input.link,
    '',
    'Your colleagues see published actions on the "You said, we did" board.',
  ].join('\n');
  return { subject: subject.slice(0, 300), text };
}
