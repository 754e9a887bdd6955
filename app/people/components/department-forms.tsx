import { Form } from '@remix-run/react';
import type { ReactNode } from 'react';
import { Trans, useTranslation } from 'react-i18next';

import { FormAlert } from '~/components/ui/form-alert';
import { SelectField } from '~/components/ui/select-field';
import { TextField } from '~/components/ui/text-field';
import { subtreeOf } from '~/people/department-tree';
import type { FieldErrors, FormValues } from '~/utils/submission';

import { type DepartmentKind, departmentKinds } from '../../../models/vocabulary';

interface Department {
  id: string;
  name: string;
  kind: DepartmentKind;
  parentId: string | null;
  archived: boolean;
  depth: number;
}

/**
 * Rename, move and archive (or restore) one department, folded away until asked for. A refused
 * change opens it again with the message beside the field.
 */
export function DepartmentRowForms({
  department,
  departments,
  failure,
  submitting,
}: {
  department: Department;
  departments: Department[];
  failure: { errors: FieldErrors; values: FormValues } | undefined;
  submitting: boolean;
}) {
  const { t } = useTranslation('people');
  const message = (name: string) => failure?.errors[name]?.[0];
  const entered = (name: string) => {
    const value = failure?.values[name];
    return typeof value === 'string' ? value : undefined;
  };
  const intent = entered('intent');
  // Never under itself or anything below it, and never under an archived department.
  const below = subtreeOf(departments, department.id);
  const parents = departments.filter(({ id, archived }) => !archived && !below.has(id));
  return (
    <details className="row-forms" open={failure ? true : undefined}>
      <summary>
        <Trans
          t={t}
          i18nKey="departments.changeOne"
          values={{ name: department.name }}
          components={{ hidden: <span className="visually-hidden" /> }}
        />
      </summary>
      <FormAlert message={message('form')} />
      {department.archived ? (
        <DepartmentForm intent="restore" departmentId={department.id}>
          <p className="field-hint">{t('departments.restoreHint')}</p>
          <button type="submit" className="button" disabled={submitting}>
            {t('departments.restore', { name: department.name })}
          </button>
        </DepartmentForm>
      ) : (
        <>
          <DepartmentForm intent="rename" departmentId={department.id} noValidate>
            <TextField
              label={t('departments.name')}
              name="name"
              required
              maxLength={120}
              defaultValue={intent === 'rename' ? entered('name') : department.name}
              error={intent === 'rename' ? message('name') : undefined}
            />
            <SelectField
              label={t('departments.kind')}
              name="kind"
              defaultValue={intent === 'rename' ? entered('kind') : department.kind}
              error={intent === 'rename' ? message('kind') : undefined}
              options={departmentKinds.map((kind) => ({ value: kind, label: t(`kinds.${kind}`) }))}
            />
            <button type="submit" className="button" disabled={submitting}>
              {t('departments.saveNameAndKind')}
            </button>
          </DepartmentForm>
          <DepartmentForm intent="move" departmentId={department.id}>
            <SelectField
              label={t('departments.partOf')}
              name="parentId"
              defaultValue={intent === 'move' ? entered('parentId') : (department.parentId ?? '')}
              error={intent === 'move' ? message('parentId') : undefined}
              options={[
                { value: '', label: t('departments.topLevel') },
                ...parents.map(({ id, name, depth }) => ({
                  value: id,
                  label: `${'— '.repeat(depth)}${name}`,
                })),
              ]}
            />
            <button type="submit" className="button" disabled={submitting}>
              {t('departments.move')}
            </button>
          </DepartmentForm>
          <DepartmentForm intent="archive" departmentId={department.id}>
            <p className="field-hint">{t('departments.archiveHint')}</p>
            <button type="submit" className="button button-quiet" disabled={submitting}>
              {t('departments.archive', { name: department.name })}
            </button>
          </DepartmentForm>
        </>
      )}
    </details>
  );
}

/** One change to a department: its own form, naming the change and the department it is about. */
function DepartmentForm({
  intent,
  departmentId,
  noValidate,
  children,
}: {
  intent: string;
  departmentId: string;
  noValidate?: boolean;
  children: ReactNode;
}) {
  return (
    <Form method="post" className="form" noValidate={noValidate}>
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="departmentId" value={departmentId} />
      {children}
    </Form>
  );
}
