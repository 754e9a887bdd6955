// Shared by the thanks tests: an organisation of departments and a way to send thanks as the
// form would, at a chosen moment.
import { sendThanks, thanksFormOf } from '../../app/thanks/send.server';
import { sendThanksSchema } from '../../app/thanks/thanks-forms';
import { DepartmentModel } from '../../models/department.server';
import { makeDepartment } from './organisation';

export async function thanksOrganisation() {
  const kitchen = await makeDepartment('Kitchen');
  const it = await makeDepartment('IT', { kind: 'support' });
  const hrDepartment = await makeDepartment('People & Culture', { kind: 'support' });
  const floor = await makeDepartment('Service floor', { parentId: null });
  const bar = await makeDepartment('Bar', { parentId: floor._id });
  return { kitchen, it, hrDepartment, floor, bar };
}

export async function boardKeyOf(department: { _id: unknown }): Promise<string> {
  const found = await DepartmentModel.findById(department._id, { boardKey: 1 }).lean();
  return found?.boardKey ?? '';
}

/** Sends a thank-you from `from`'s board to `to`, through the form's own checks. */
export async function thank(
  from: { _id: unknown },
  to: { _id: unknown },
  at: Date,
  fields: { message?: string; driver?: string; name?: string } = {},
) {
  const form = await thanksFormOf(await boardKeyOf(from));
  if (!form) throw new Error('no board');
  const parsed = sendThanksSchema(form).safeParse({
    to: String(to._id),
    message: fields.message ?? 'Thank you for the quick help',
    driver: fields.driver ?? '',
    signed: fields.name ? 'name' : 'anonymous',
    senderName: fields.name ?? '',
  });
  if (!parsed.success) throw new Error(JSON.stringify(parsed.error.issues));
  await sendThanks(form, parsed.data, at);
}

/** A moment in the middle of a month (UTC noon on the 15th). */
export const inMonth = (month: string) => new Date(`${month}-15T12:00:00Z`);
