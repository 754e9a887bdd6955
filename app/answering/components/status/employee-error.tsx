import { useTranslation } from 'react-i18next';

/** An error on an employee page, in the reader's language, without links into staff pages. */
export function EmployeeError({ status }: { status: number }) {
  const { t } = useTranslation('common');
  const [title, body] =
    status === 404
      ? [t('error.notFoundTitle'), t('error.notFoundBody')]
      : status >= 500
        ? [t('error.serverTitle'), t('error.serverBody')]
        : [t('error.badRequestTitle'), t('error.badRequestBody')];
  return (
    <section className="status-page" aria-labelledby="status-title">
      <p className="error-status">{t('error.status', { status })}</p>
      <h1 id="status-title">{title}</h1>
      <p>{body}</p>
    </section>
  );
}
