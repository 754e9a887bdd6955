import { Form, Link, useSearchParams } from '@remix-run/react';
import { useTranslation } from 'react-i18next';

import { Pagination } from '~/components/pagination';
import { CheckboxField } from '~/components/ui/checkbox-field';
import { Table } from '~/components/ui/table';
import { useMessage } from '~/components/ui/use-message';
import type { ImportPreview as Preview } from '~/people/roster-import.server';
import type { RowOutcome as Outcome } from '~/people/roster-plan.server';

import type { DepartmentKind } from '../../../models/vocabulary';

/** What confirming would do, row by row, with the choice to go ahead or throw the file away. */
export function ImportPreview({
  preview,
  createDepartments,
  submitting,
}: {
  preview: Preview;
  createDepartments: boolean;
  submitting: boolean;
}) {
  const [searchParams] = useSearchParams();
  const { t, i18n } = useTranslation('people');
  // Row details are messages from the server (see ~/utils/message): said in the reader's language.
  const say = useMessage();
  const number = (value: number) => value.toLocaleString(i18n.language);
  // A kind inside a sentence, in lower case as the language writes it.
  const kind = (value: DepartmentKind) => t(`kinds.${value}`).toLocaleLowerCase(i18n.language);
  const { counts } = preview;
  const total = counts.create + counts.update + counts.unchanged + counts.error;
  const toApply = counts.create + counts.update;
  const kindByName = new Map(preview.kindChanges.map((change) => [change.name, change.to]));
  const kindUpdates = preview.kindChanges.filter((change) => change.from !== null);
  const tabs: { outcome: Outcome | 'all'; label: string; count: number }[] = [
    { outcome: 'all', label: t('import.tabs.all'), count: total },
    { outcome: 'error', label: t('import.tabs.error'), count: counts.error },
    { outcome: 'create', label: t('import.tabs.create'), count: counts.create },
    { outcome: 'update', label: t('import.tabs.update'), count: counts.update },
    { outcome: 'unchanged', label: t('import.tabs.unchanged'), count: counts.unchanged },
  ];
  return (
    <>
      <p className="lead" aria-live="polite">
        {t('import.summary', {
          count: total,
          total: number(total),
          create: number(counts.create),
          update: number(counts.update),
          unchanged: number(counts.unchanged),
          error: number(counts.error),
        })}
      </p>
      {preview.ignoredColumns.length > 0 ? (
        <p className="muted">
          {t('import.ignoredColumns', { columns: preview.ignoredColumns.join(', ') })}
        </p>
      ) : null}
      {preview.departmentsToCreate.length > 0 ? (
        <div className="form-notice">
          <p>{t('import.createsDepartments', { count: preview.departmentsToCreate.length })}</p>
          <ul>
            {preview.departmentsToCreate.map((name) => (
              <li key={name}>
                {t('import.newDepartment', {
                  name,
                  kind: kind(kindByName.get(name) ?? 'operational'),
                })}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {kindUpdates.length > 0 ? (
        <div className="form-notice">
          <p>{t('import.changesKinds', { count: kindUpdates.length })}</p>
          <ul>
            {kindUpdates.map((change) => (
              <li key={change.name}>
                {t('import.kindChange', {
                  name: change.name,
                  from: kind(change.from ?? 'operational'),
                  to: kind(change.to),
                })}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {!preview.servesOthers ? (
        <div className="form-notice" role="note">
          <p>
            <strong>{t('import.noSupportTitle')}</strong> {t('import.noSupport')}
          </p>
        </div>
      ) : null}

      <Form method="post" className="form form-inline">
        <input type="hidden" name="intent" value="options" />
        <CheckboxField
          label={t('import.createDepartments')}
          name="createDepartments"
          defaultChecked={createDepartments}
        />
        <button type="submit" className="button button-quiet" disabled={submitting}>
          {t('import.updatePreview')}
        </button>
      </Form>

      <nav className="sub-nav" aria-label={t('import.tabs.label')}>
        <ul>
          {tabs.map((tab) => (
            <li key={tab.outcome}>
              <Link
                to={`?outcome=${tab.outcome}`}
                aria-current={preview.outcome === tab.outcome ? 'page' : undefined}
              >
                {t('import.tabs.count', { label: tab.label, number: number(tab.count) })}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {preview.rows.length === 0 ? (
        <p className="muted">{t('import.noRows')}</p>
      ) : (
        <Table
          caption={t('import.caption')}
          columns={[
            t('import.columns.line'),
            t('import.columns.name'),
            t('import.columns.email'),
            t('import.columns.department'),
            t('import.columns.outcome'),
            t('import.columns.details'),
          ]}
        >
          {preview.rows.map((row) => (
            <tr key={row.line} className={`outcome-${row.outcome}`}>
              <td>{row.line}</td>
              <th scope="row">{row.name || <span className="muted">{t('import.noName')}</span>}</th>
              <td className="cell-wrap">{row.email}</td>
              <td>{row.department}</td>
              <td>
                <span className={`badge badge-${row.outcome}`}>
                  {t(`import.outcomes.${row.outcome}`)}
                </span>
              </td>
              <td>
                {row.details.length > 0 ? (
                  <ul className="details">
                    {row.details.map((detail) => (
                      <li key={detail}>{say(detail)}</li>
                    ))}
                  </ul>
                ) : null}
              </td>
            </tr>
          ))}
        </Table>
      )}
      <Pagination
        page={preview.page}
        pageCount={preview.pageCount}
        searchParams={searchParams}
        label={t('import.pages')}
      />

      <div className="confirm-bar">
        <Form method="post">
          <input type="hidden" name="intent" value="confirm" />
          <button
            type="submit"
            className="button"
            disabled={submitting || toApply + kindUpdates.length === 0}
          >
            {toApply > 0
              ? t('import.confirm', { count: toApply, total: number(toApply) })
              : kindUpdates.length > 0
                ? t('import.changeKinds')
                : t('import.nothing')}
          </button>
        </Form>
        <Form method="post">
          <input type="hidden" name="intent" value="discard" />
          <button type="submit" className="button button-quiet" disabled={submitting}>
            {t('import.discard')}
          </button>
        </Form>
        {counts.error > 0 ? (
          <p className="muted">
            {t('import.skipped', { count: counts.error, total: number(counts.error) })}
          </p>
        ) : null}
      </div>
    </>
  );
}
