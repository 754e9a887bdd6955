import { appUrl, getEnv } from '../utils/env.server';
import { createLogger } from '../utils/log.server';
import { sendMail } from '../utils/mail.server';
import type { StaffUser } from '../utils/permissions.server';
import { actionAssignedMail } from './action-mail';

// An action's owner hears by e-mail that it is theirs: when it is raised with them as owner and
// when it is handed to them. Nobody is told about what they did themselves.

export interface AssignedAction {
  id: string;
  title: string;
  label: string;
  dueOn: string;
}

/**
 * Tells the new owner, in their language, unless they assigned it to themselves. The action is stored already, so a
 * mail that cannot be sent is logged (its error code only: a mail server's message may quote the
 * recipient) and does not undo the change.
 */
export async function tellNewOwner(
  assignedBy: StaffUser,
  owner: Pick<StaffUser, 'id' | 'name' | 'email' | 'language'>,
  action: AssignedAction,
): Promise<void> {
  if (owner.id === assignedBy.id) return;
  const env = getEnv();
  const mail = actionAssignedMail(
    {
      ownerName: owner.name,
      assignedByName: assignedBy.name,
      title: action.title,
      label: action.label,
      dueOn: action.dueOn,
      link: `${appUrl(env)}/actions/${action.id}`,
    },
    owner.language,
  );
  try {
    await sendMail({ to: owner.email, ...mail, kind: 'action-assigned' });
  } catch (error) {
    const code =
      error instanceof Error ? ('code' in error ? String(error.code) : error.name) : 'unknown';
    createLogger(env.LOG_LEVEL).error(
      `The e-mail telling the owner of action ${action.id} could not be sent (${code})`,
    );
  }
}
