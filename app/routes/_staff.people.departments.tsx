import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';

import { FormAlert } from '~/components/ui/form-alert';
import { SelectField } from '~/components/ui/select-field';
import { TextField } from '~/components/ui/text-field';
import { pageTitle } from '~/i18n';
import { DepartmentRowForms } from '~/people/components/department-forms';
import {
  archiveDepartment,
  createDepartment,
  listDepartments,
  moveDepartment,
  renameDepartment,
  restoreDepartment,
} from '~/people/departments.server';
import { departmentIntentSchema } from '~/people/schemas';
import { parseForm, refuseForm } from '~/utils/form.server';
import { requireHrAdmin } from '~/utils/permissions.server';

import { departmentKinds } from '../../models/vocabulary';

export const meta: MetaFunction = ({ matches }) => [
  { title: pageTitle(matches, 'people:departments.title', 'people:title') },
];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireHrAdmin(request);
  const showArchived = new URL(request.url).searchParams.get('show') === 'all';
  return json({ departments: await listDepartments(), showArchived });
}

export async function action({ request }: ActionFunctionArgs) {
  await requireHrAdmin(request);
  const form = await parseForm(request, departmentIntentSchema);
  if (!form.ok) return refuseForm(form);
  const change = form.data;
  const result =
    change.intent === 'create'
      ? await createDepartment(change)
      : change.intent === 'rename'
        ? await renameDepartment(change)
        : change.intent === 'move'
          ? await moveDepartment(change)
          : change.intent === 'archive'
            ? await archiveDepartment(change.departmentId)
            : await restoreDepartment(change.departmentId);
  if (!result.ok) return refuseForm({ errors: result.errors, values: form.values });
  // Back to the list as it was shown, with the change in it.
  const url = new URL(request.url);
  return redirect(url.pathname + url.search);
}

export default function Departments() {
  const { departments, showArchived } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const submitting = useNavigation().state === 'submitting';
  const { t } = useTranslation('people');
  const shown = departments.filter((department) => showArchived || !department.archived);
  const live = departments.filter((department) => !department.archived);
  const failed = (intent: string, departmentId?: string) =>
    failure && failure.values.intent === intent && failure.values.departmentId === departmentId
      ? failure
      : undefined;
  const createFailure = failed('create');
  const message = (name: string) => createFailure?.errors[name]?.[0];
  const value = (name: string) => {
    const entered = createFailure?.values[name];
    return typeof entered === 'string' ? entered : undefined;
  };
  const unknownIntent = failure && !failure.values.intent ? failure.errors.intent : undefined;

  return (
    <>
      <h2>{t('departments.title')}</h2>
      <FormAlert message={unknownIntent?.[0]} />
      <Form method="get" className="filters" aria-label={t('departments.which')}>
        <SelectField
          label={t('departments.show')}
          name="show"
          defaultValue={showArchived ? 'all' : 'live'}
          options={[
            { value: 'live', label: t('departments.live') },
            { value: 'all', label: t('departments.liveAndArchived') },
          ]}
        />
        <button type="submit" className="button">
          {t('departments.submitShow')}
        </button>
      </Form>
      {shown.length === 0 ? (
        <p className="muted">{t('departments.none')}</p>
      ) : (
        <div className="table-scroll">
          <table className="table department-tree">
            <caption className="visually-hidden">{t('departments.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('departments.department')}</th>
                <th scope="col">{t('departments.kind')}</th>
                <th scope="col">{t('departments.activePeople')}</th>
                <th scope="col">{t('departments.change')}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((department) => (
                <tr key={department.id} className={department.archived ? 'is-archived' : undefined}>
                  <th
                    scope="row"
                    style={{ paddingInlineStart: `${0.75 + department.depth * 1.5}rem` }}
                  >
                    {department.depth > 0 ? (
                      <span className="tree-branch" aria-hidden="true">
                        └{' '}
                      </span>
                    ) : null}
                    {department.name}
                    {department.archived ? (
                      <span className="badge">{t('departments.archived')}</span>
                    ) : null}
                  </th>
                  <td>{t(`kinds.${department.kind}`)}</td>
                  <td>{department.peopleCount}</td>
                  <td>
                    <DepartmentRowForms
                      department={department}
                      departments={departments}
                      failure={
                        failed('rename', department.id) ??
                        failed('move', department.id) ??
                        failed('archive', department.id) ??
                        failed('restore', department.id)
                      }
                      submitting={submitting}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <h2 id="add-department">{t('departments.addTitle')}</h2>
      <Form method="post" className="form" aria-labelledby="add-department" noValidate>
        <input type="hidden" name="intent" value="create" />
        <FormAlert message={message('form')} />
        <TextField
          label={t('departments.name')}
          name="name"
          required
          maxLength={120}
          defaultValue={value('name')}
          error={message('name')}
        />
        <SelectField
          label={t('departments.kind')}
          name="kind"
          hint={t('departments.kindHint')}
          defaultValue={value('kind') ?? 'operational'}
          error={message('kind')}
          options={departmentKinds.map((kind) => ({ value: kind, label: t(`kinds.${kind}`) }))}
        />
        <SelectField
          label={t('departments.partOf')}
          name="parentId"
          defaultValue={value('parentId') ?? ''}
          error={message('parentId')}
          options={[
            { value: '', label: t('departments.topLevel') },
            ...live.map(({ id, name, depth }) => ({
              value: id,
              label: `${'— '.repeat(depth)}${name}`,
            })),
          ]}
        />
        <button type="submit" className="button" disabled={submitting}>
          {t('departments.addSubmit')}
        </button>
      </Form>
    </>
  );
}
