import { useTranslation } from 'react-i18next';

import { useMessage } from '~/components/ui/use-message';

/**
 * Asks for printed or exported invitation links. A plain form (not Remix's): the CSV comes back
 * as a download and the QR sheet as a page to print, both straight from the browser.
 */
export function PrintableLinksForm({
  surveyId,
  cycleId,
  departments,
  error,
}: {
  surveyId: string;
  cycleId: string;
  departments: { departmentId: string; department: string; invited: number }[];
  error?: string;
}) {
  const { t } = useTranslation('surveys');
  const say = useMessage();
  const base = `/surveys/${surveyId}/cycles/${cycleId}`;
  return (
    <form method="post" className="printable-links no-print">
      <h3>{t('links.title')}</h3>
      <p>
        {t('links.intro')} <strong>{t('links.introStrong')}</strong>
        {t('links.introAfter')}
      </p>
      <fieldset className="fieldset">
        <legend>{t('links.makeFor')}</legend>
        <label className="check">
          <input type="radio" name="scope" value="departments" defaultChecked />
          <span>{t('links.chosenDepartments')}</span>
        </label>
        <label className="check">
          <input type="radio" name="scope" value="all" />
          <span>{t('links.everyone')}</span>
        </label>
        <div className="checkbox-columns">
          {departments.map((department) => (
            <label key={department.departmentId} className="check">
              <input type="checkbox" name="departmentIds" value={department.departmentId} />
              <span>
                {department.department}{' '}
                <span className="muted">{t('links.invited', { count: department.invited })}</span>
              </span>
            </label>
          ))}
        </div>
        {error ? (
          <p className="field-error" role="alert">
            {say(error)}
          </p>
        ) : null}
      </fieldset>
      <div className="form-actions">
        <button type="submit" formAction={`${base}/links.csv`} className="button">
          {t('links.download')}
        </button>
        <button type="submit" formAction={`${base}/qr`} className="button button-quiet">
          {t('links.print')}
        </button>
      </div>
    </form>
  );
}
