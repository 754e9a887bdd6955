import { Form, Link } from '@remix-run/react';

import type { StatusConfirmation } from '~/surveys/status-confirmation.server';

function plural(count: number, one: string, many: string) {
  return `${count.toLocaleString('en')} ${count === 1 ? one : many}`;
}

/**
 * The step between pressing Start or End and the survey changing: what it will do, said in
 * numbers, and a second button that really does it. A plain form, so it works without JavaScript.
 */
export function StatusConfirmationPanel({
  confirm,
  action,
  cancel,
  busy,
}: {
  confirm: StatusConfirmation;
  action: string;
  cancel: string;
  busy: boolean;
}) {
  const starting = confirm.change === 'activate';
  return (
    <section className="form-notice confirmation" aria-labelledby="status-confirmation-title">
      <h2 id="status-confirmation-title">{starting ? 'Start this survey?' : 'End this survey?'}</h2>
      {confirm.change === 'activate' ? (
        <>
          <p>
            Starting invites <strong>{plural(confirm.invited, 'person', 'people')}</strong> (the
            active people in its departments today) when its first cycle opens on{' '}
            {confirm.startDate} at {String(confirm.openHour).padStart(2, '0')}:00 (
            {confirm.timeZone}).
          </p>
          {confirm.invited === 0 ? (
            <p className="field-error">
              Nobody would be invited: its departments have no active people.
            </p>
          ) : null}
          {confirm.rated && confirm.rated.length < 2 ? (
            <p className="field-error">
              {confirm.rated.length === 0
                ? 'Its internal-service questions rate no department, so they would not be asked.'
                : `Its internal-service questions rate only ${confirm.rated[0]}, with no other department to compare it with.`}{' '}
              Choose the departments that serve others under “Departments rated by internal-service
              questions” in Design, or mark them as support on the Departments page.
            </p>
          ) : null}
        </>
      ) : (
        <p>
          Ending closes{' '}
          {confirm.closing > 0
            ? `its ${plural(confirm.closing, 'open or scheduled cycle', 'open or scheduled cycles')} now`
            : 'it now'}
          , and no more cycles open. <strong>This cannot be undone.</strong> Its results stay.
        </p>
      )}
      <Form method="post" action={action} className="lifecycle">
        <input type="hidden" name="confirmed" value="yes" />
        <button
          type="submit"
          name="intent"
          value={confirm.change}
          className="button"
          disabled={busy}
        >
          {confirm.change === 'activate'
            ? `Start and invite ${plural(confirm.invited, 'person', 'people')}`
            : 'End survey for good'}
        </button>
        <Link to={cancel} className="button button-quiet">
          Cancel
        </Link>
      </Form>
    </section>
  );
}
