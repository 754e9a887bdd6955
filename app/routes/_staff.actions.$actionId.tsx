import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';

import { requireAction } from '~/actions/action-access.server';
import { addUpdate, editAction, moveAction } from '~/actions/action-changes.server';
import { actionIntent } from '~/actions/action-forms';
import { loadActionPage } from '~/actions/action-page.server';
import { type ActionStatus, statusLabels } from '~/actions/action-rules';
import { ActionFields } from '~/components/actions/action-fields';
import { ActionStatusBadge } from '~/components/actions/action-status';
import { ActionTimeline } from '~/components/actions/action-timeline';
import { FollowUpPanel } from '~/components/actions/follow-up';
import { FormAlert } from '~/components/ui/form-alert';
import { readForm, refuseForm } from '~/utils/form.server';
import { requireStaff } from '~/utils/permissions.server';
import { errorsByField, formValues } from '~/utils/submission';

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.action.title ?? 'Action'} · Actions · Innerloop` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireStaff(request);
  return json(await loadActionPage(user, params.actionId ?? ''));
}

const changes = { edit: editAction, move: moveAction, update: addUpdate };

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireStaff(request);
  const id = params.actionId ?? '';
  // 404 / 403 before the form is read, so nobody outside the scope learns about its fields.
  await requireAction(user, id);
  const values = formValues(await readForm(request));
  const form = actionIntent.safeParse(values);
  if (!form.success) return refuseForm({ errors: errorsByField(form.error), values });
  const result = await changes[form.data.intent](user, id, values);
  if (!result.ok) return refuseForm({ errors: result.errors, values });
  return redirect(`/actions/${id}`);
}

const moveLabels: Record<ActionStatus, string> = {
  open: 'Reopen',
  'in-progress': 'Start work',
  done: 'Mark done',
  'wont-do': 'Won’t do',
};

/**
 * Closing an action without doing it, with the reason it needs (moveActionInput refuses an empty
 * one). A form of its own, so the move form's optional note never looks like the reason.
 */
function WontDoForm({
  from,
  error,
  typed,
  submitting,
}: {
  from: ActionStatus;
  error?: string;
  typed?: string;
  submitting: boolean;
}) {
  return (
    <Form method="post" className="form action-wont-do">
      <input type="hidden" name="intent" value="move" />
      <input type="hidden" name="from" value={from} />
      <input type="hidden" name="to" value="wont-do" />
      <div className="field">
        <label htmlFor="wont-do-reason">Reason it won’t be done</label>
        <textarea
          id="wont-do-reason"
          name="reason"
          rows={2}
          maxLength={2000}
          defaultValue={typed ?? ''}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'wont-do-reason-error' : undefined}
        />
        {error ? (
          <p id="wont-do-reason-error" className="field-error">
            {error}
          </p>
        ) : null}
      </div>
      <button type="submit" className="button" disabled={submitting}>
        Mark won’t do
      </button>
    </Form>
  );
}

export default function ActionPage() {
  const {
    action: details,
    moves,
    owners,
    today,
    timeline,
    followUp,
  } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const submitting = useNavigation().state === 'submitting';
  const failed = (intent: string) => (failure?.values.intent === intent ? failure : undefined);
  return (
    <>
      <p className="breadcrumb">
        <Link to="/actions">All actions</Link>
      </p>
      <h1 id="page-title">{details.title}</h1>
      <dl className="action-summary">
        <div>
          <dt>What was heard</dt>
          <dd>{details.label}</dd>
        </div>
        <div>
          <dt>Status</dt>
          <dd>
            <ActionStatusBadge status={details.status} overdue={details.overdue} />
          </dd>
        </div>
        {details.wontDoReason ? (
          <div>
            <dt>Why it won’t be done</dt>
            <dd>{details.wontDoReason}</dd>
          </div>
        ) : null}
        <div>
          <dt>Owner</dt>
          <dd>{details.ownerName}</dd>
        </div>
        <div>
          <dt>Due</dt>
          <dd>{details.dueOn}</dd>
        </div>
        <div>
          <dt>Employees</dt>
          <dd>{details.published ? 'Published on the board' : 'Not published'}</dd>
        </div>
      </dl>
      {details.description ? <p className="action-description">{details.description}</p> : null}

      <section aria-labelledby="status-title" className="action-panel">
        <h2 id="status-title">Status</h2>
        <Form method="post" className="action-move">
          <input type="hidden" name="intent" value="move" />
          <input type="hidden" name="from" value={details.status} />
          <FormAlert message={failed('move')?.errors.to?.[0] ?? failed('move')?.errors.from?.[0]} />
          <div className="field">
            <label htmlFor="move-note">Note (optional)</label>
            <input id="move-note" name="note" maxLength={2000} />
          </div>
          {moves
            .filter((to) => to !== 'wont-do')
            .map((to) => (
              <button
                key={to}
                type="submit"
                name="to"
                value={to}
                className="button"
                disabled={submitting}
              >
                {moveLabels[to]}
                <span className="visually-hidden"> (to {statusLabels[to]})</span>
              </button>
            ))}
        </Form>
        {moves.includes('wont-do') ? (
          <WontDoForm
            from={details.status}
            error={
              failed('move')?.values.to === 'wont-do'
                ? failed('move')?.errors.reason?.[0]
                : undefined
            }
            typed={failed('move')?.values.reason?.toString()}
            submitting={submitting}
          />
        ) : null}
      </section>

      <section aria-labelledby="update-title" className="action-panel">
        <h2 id="update-title">Post an update</h2>
        <Form method="post" className="form" key={failed('update') ? 'refused' : timeline.length}>
          <input type="hidden" name="intent" value="update" />
          <div className="field">
            <label htmlFor="update-note">Update</label>
            <textarea
              id="update-note"
              name="note"
              rows={3}
              maxLength={2000}
              defaultValue={failed('update')?.values.note?.toString() ?? ''}
              aria-invalid={failed('update')?.errors.note ? true : undefined}
              aria-describedby={failed('update')?.errors.note ? 'update-note-error' : undefined}
            />
            {failed('update')?.errors.note ? (
              <p id="update-note-error" className="field-error">
                {failed('update')?.errors.note?.[0]}
              </p>
            ) : null}
          </div>
          <button type="submit" className="button" disabled={submitting}>
            Post update
          </button>
        </Form>
      </section>

      <FollowUpPanel followUp={followUp} />

      <section aria-labelledby="timeline-title" className="action-panel">
        <h2 id="timeline-title">Timeline</h2>
        <ActionTimeline items={timeline} />
      </section>

      <section aria-labelledby="edit-title" className="action-panel">
        <h2 id="edit-title">Edit</h2>
        <Form
          method="post"
          className="form action-form"
          noValidate
          key={failed('edit') ? 'refused' : timeline.length}
        >
          <input type="hidden" name="intent" value="edit" />
          <FormAlert message={failed('edit')?.errors.form?.[0]} />
          <ActionFields
            saved={{
              title: details.title,
              description: details.description,
              ownerId: details.ownerId,
              dueOn: details.dueOn,
              published: details.published,
            }}
            owners={owners}
            today={today}
            errors={failed('edit')?.errors}
            values={failed('edit')?.values}
          />
          <button type="submit" className="button" disabled={submitting}>
            Save changes
          </button>
        </Form>
      </section>
    </>
  );
}
