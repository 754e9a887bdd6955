import type { Types } from 'mongoose';

import { PersonModel } from '../../models/person.server';
import { type Mail, sendMail } from '../utils/mail.server';
import { createPasswordLink } from './password-reset.server';
import { staffInvitationMail, type StaffRole } from './staff-invitation-mail';

// Someone given a leader or HR role needs a password to use it. When the role is new to them
// and they have no password yet, they get an e-mail in their language with a single-use link
// to choose one (the same kind of link as a password reset, stored only as a hash).
//
// Someone who already has a password gets no mail: they sign in as before and find the new
// pages there, and a note per role change would be mail with nothing to act on.

/** Long enough to reach someone back from a week off; a reset link lives an hour. */
const invitationLinkLifetimeDays = 7;

export interface Roles {
  hrAdmin: boolean;
  leaderOf: readonly unknown[];
}

/** The roles a change gives that the person did not have before. */
export function rolesGiven(before: Roles | null, after: Roles): StaffRole[] {
  const given: StaffRole[] = [];
  if (after.leaderOf.length > 0 && !(before && before.leaderOf.length > 0)) given.push('leader');
  if (after.hrAdmin && !before?.hrAdmin) given.push('hrAdmin');
  return given;
}

/**
 * Invites a person newly given `roles` to choose a password; does nothing (and says so) when
 * they already have one, are inactive, or no role is new.
 */
export async function inviteNewStaff(
  personId: Types.ObjectId | string,
  roles: StaffRole[],
  { appUrl, send = sendMail }: { appUrl: string; send?: (mail: Mail) => Promise<unknown> },
): Promise<boolean> {
  if (roles.length === 0) return false;
  const person = await PersonModel.findById(personId)
    .select('+passwordHash name email language active')
    .lean();
  if (!person?.active || person.passwordHash) return false;
  const link = await createPasswordLink(
    person._id,
    invitationLinkLifetimeDays * 24 * 60 * 60 * 1000,
    appUrl,
  );
  await send({
    to: person.email,
    ...staffInvitationMail({
      language: person.language,
      name: person.name,
      roles,
      link,
      loginUrl: `${appUrl}/login`,
    }),
    kind: 'staff-invitation',
  });
  return true;
}
