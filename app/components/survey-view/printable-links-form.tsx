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
  const base = `/surveys/${surveyId}/cycles/${cycleId}`;
  return (
    <form method="post" className="printable-links no-print">
      <h3>Printed or exported links</h3>
      <p>
        For people who do not read work e-mail (a kitchen, a warehouse): hand them a printed QR code
        or send the links another way. Links are kept only in a form that cannot be read back, so{' '}
        <strong>new links are made now</strong>: each chosen person’s e-mailed link stops working,
        they get no e-mail reminder, and people who already answered are left out.
      </p>
      <fieldset className="fieldset">
        <legend>Make new links for</legend>
        <label className="check">
          <input type="radio" name="scope" value="departments" defaultChecked />
          <span>The departments chosen below</span>
        </label>
        <label className="check">
          <input type="radio" name="scope" value="all" />
          <span>Everyone who has not answered</span>
        </label>
        <div className="checkbox-columns">
          {departments.map((department) => (
            <label key={department.departmentId} className="check">
              <input type="checkbox" name="departmentIds" value={department.departmentId} />
              <span>
                {department.department}{' '}
                <span className="muted">({department.invited} invited)</span>
              </span>
            </label>
          ))}
        </div>
        {error ? (
          <p className="field-error" role="alert">
            {error}
          </p>
        ) : null}
      </fieldset>
      <div className="form-actions">
        <button type="submit" formAction={`${base}/links.csv`} className="button">
          Download links (CSV)
        </button>
        <button type="submit" formAction={`${base}/qr`} className="button button-quiet">
          Print QR codes
        </button>
      </div>
    </form>
  );
}
