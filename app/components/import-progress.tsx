import { Form, Link } from '@remix-run/react';

/** An import being applied: how far it got. The page refreshes the numbers while it runs. */
export function ImportProgress({
  progress,
  stalled,
  submitting,
}: {
  progress: { done: number; total: number };
  stalled: boolean;
  submitting: boolean;
}) {
  return (
    <div className="import-progress">
      <p aria-live="polite">
        {progress.total === 0
          ? 'Importing… getting ready.'
          : `Importing… ${progress.done.toLocaleString('en')} of ${progress.total.toLocaleString('en')} people saved.`}
      </p>
      <progress
        value={progress.done}
        max={Math.max(progress.total, 1)}
        aria-label="Import progress"
      />
      {stalled ? (
        <Form method="post" className="form-alert">
          <p>
            This import has stopped making progress: the app applying it was probably stopped. Undo
            it to put the roster back as it was, then upload the file again.
          </p>
          <input type="hidden" name="intent" value="undo" />
          <button type="submit" className="button" disabled={submitting}>
            Undo this import
          </button>
        </Form>
      ) : null}
      <noscript>
        <p>
          <Link to=".">Reload</Link> to see how far it got.
        </p>
      </noscript>
    </div>
  );
}

/** How an import ended: what it did, or why it was undone. */
export function ImportResult({
  status,
  summary,
  error,
}: {
  status: 'draft' | 'applying' | 'done' | 'failed';
  summary: {
    created: number;
    updated: number;
    unchanged: number;
    skipped: number;
    departmentsCreated: number;
  };
  error: string | null;
}) {
  if (status === 'done') {
    return (
      <div className="form-notice" role="status">
        <p>
          <strong>Import done.</strong> {summary.created.toLocaleString('en')} added,{' '}
          {summary.updated.toLocaleString('en')} updated, {summary.unchanged.toLocaleString('en')}{' '}
          unchanged, {summary.skipped.toLocaleString('en')} skipped
          {summary.departmentsCreated > 0
            ? `; ${summary.departmentsCreated} new department${summary.departmentsCreated === 1 ? '' : 's'}`
            : ''}
          .
        </p>
        <p>
          <Link to="/people">See the roster</Link> ·{' '}
          <Link to="/people/import">Import another file</Link>
        </p>
      </div>
    );
  }
  return (
    <div className="form-alert" role="alert">
      <p>{error ?? 'This file can no longer be read. Upload it again.'}</p>
      <p>
        <Link to="/people/import">Upload a file</Link>
      </p>
    </div>
  );
}
