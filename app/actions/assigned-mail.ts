// The e-mail that tells a leader an action is now theirs. Staff read English, like the reminders
// (reminder-mail.ts); the link goes straight to the action's page, behind a sign-in.

export interface AssignedMailInput {
  ownerName: string;
  assignedByName: string;
  title: string;
  label: string;
  dueOn: string;
  link: string;
}

export function actionAssignedMail(input: AssignedMailInput) {
  const text = [
    `Hello ${input.ownerName},`,
    '',
    `${input.assignedByName} made you the owner of an action, due on ${input.dueOn}.`,
    '',
    `Action: ${input.title}`,
    `Raised from: ${input.label}`,
    '',
    'Read it, post updates and move it on here:',
    input.link,
    '',
    'Your colleagues see published actions on the "You said, we did" board.',
  ].join('\n');
  return { subject: `Action assigned to you: ${input.title}`.slice(0, 300), text };
}
