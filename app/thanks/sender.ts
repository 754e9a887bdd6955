import type { Types } from 'mongoose';

/**
 * Who sent a thank-you, as the inbox and the board show it: null when anonymous; else the name as
 * typed and the department of the board it was sent from (by its name now, if it still has one).
 */
export function senderOf(
  thanks: { senderName?: string | null; fromDepartmentId?: Types.ObjectId | null },
  departmentNames: ReadonlyMap<string, string>,
): { name: string; department: string | null } | null {
  if (thanks.senderName === null) return null;
  return {
    name: thanks.senderName ?? '',
    department: thanks.fromDepartmentId
      ? (departmentNames.get(String(thanks.fromDepartmentId)) ?? null)
      : null,
  };
}
