import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';

import { requireAction } from '~/actions/action-access.server';
import { addUpdate, editAction, moveAction } from '~/actions/action-changes.server';
import { actionIntent } from '~/actions/action-forms';
import { loadActionPage } from '~/actions/action-page.server';
import { ActionFields } from '~/actions/components/action-fields';
import { ActionStatusBadge } from '~/actions/components/action-status';
import { ActionTimeline } from '~/actions/components/action-timeline';
import { FollowUpPanel } from '~/actions/components/follow-up';
import { FormAlert } from '~/components/ui/form-alert';
import { TextAreaField } from '~/components/ui/text-area-field';
import { useMessage } from '~/components/ui/use-message';
import { pageTitle } from '~/i18n';
import { IdeaSourceLink } from '~/ideas/components/idea-source-link';
import { parseForm, refuseForm } from '~/utils/form.server';
import { requireStaff } from '~/utils/permissions.server';

import type { ActionStatus } from '../../models/vocabulary';

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  // The action's title is what its author typed: shown as written.
  {
    title: pageTitle(matches, data?.action.title ?? 'actions:page.fallbackTitle', 'actions:title'),
  },
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
  // The intent picks the change; each change's module checks the rest of the form itself.
  const form = await parseForm(request, actionIntent);
  if (!form.ok) return refuseForm(form);
  const result = await changes[form.data.intent](user, id, form.values);
  if (!result.ok) return refuseForm({ errors: result.errors, values: form.values });
  return redirect(`/actions/${id}`);
}

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
  const { t } = useTranslation('actions');
  return (
    <Form method="post" className="form action-wont-do">
      <input type="hidden" name="intent" value="move" />
      <input type="hidden" name="from" value={from} />
      <input type="hidden" name="to" value="wont-do" />
      <TextAreaField
        id="wont-do-reason"
        label={t('page.reasonLabel')}
        name="reason"
        rows={2}
        maxLength={2000}
        defaultValue={typed ?? ''}
        error={error}
      />
      <button type="submit" className="button" disabled={submitting}>
        {t('page.markWontDo')}
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
    ideaId,
  } = useLoaderData<typeof loader>();
  const { t } = useTranslation('actions');
  const say = useMessage();
  const failure = useActionData<typeof action>();
  const submitting = useNavigation().state === 'submitting';
  const failed = (intent: string) => (failure?.values.intent === intent ? failure : undefined);
  return (
    <>
      <p className="breadcrumb">
        <Link to="/actions">{t('page.allActions')}</Link>
      </p>
      <h1 id="page-title">{details.title}</h1>
      <dl className="action-summary">
        <div>
          <dt>{t('heard')}</dt>
          <dd>{details.label}</dd>
        </div>
        <div>
          <dt>{t('page.status')}</dt>
          <dd>
            <ActionStatusBadge status={details.status} overdue={details.overdue} />
          </dd>
        </div>
        {details.wontDoReason ? (
          <div>
            <dt>{t('page.wontDoReason')}</dt>
            <dd>{details.wontDoReason}</dd>
          </div>
        ) : null}
        <div>
          <dt>{t('page.owner')}</dt>
          <dd>{say(details.ownerName)}</dd>
        </div>
        <div>
          <dt>{t('page.due')}</dt>
          <dd>{details.dueOn}</dd>
        </div>
        <div>
          <dt>{t('page.employees')}</dt>
          <dd>{details.published ? t('page.published') : t('page.notPublished')}</dd>
        </div>
      </dl>
      {details.description ? <p className="action-description">{details.description}</p> : null}

      <section aria-labelledby="status-title" className="action-panel">
        <h2 id="status-title">{t('page.status')}</h2>
        <Form method="post" className="action-move">
          <input type="hidden" name="intent" value="move" />
          <input type="hidden" name="from" value={details.status} />
          <FormAlert message={failed('move')?.errors.to?.[0] ?? failed('move')?.errors.from?.[0]} />
          <div className="field">
            <label htmlFor="move-note">{t('page.note')}</label>
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
                {t(`page.moves.${to}`)}
                <span className="visually-hidden">
                  {' '}
                  {t('page.moveTo', { status: t(`status.${to}`) })}
                </span>
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
        <h2 id="update-title">{t('page.updateTitle')}</h2>
        <Form method="post" className="form" key={failed('update') ? 'refused' : timeline.length}>
          <input type="hidden" name="intent" value="update" />
          <TextAreaField
            id="update-note"
            label={t('page.update')}
            name="note"
            rows={3}
            maxLength={2000}
            defaultValue={failed('update')?.values.note?.toString() ?? ''}
            error={failed('update')?.errors.note?.[0]}
          />
          <button type="submit" className="button" disabled={submitting}>
            {t('page.postUpdate')}
          </button>
        </Form>
      </section>

      {ideaId ? <IdeaSourceLink ideaId={ideaId} /> : <FollowUpPanel followUp={followUp} />}

      <section aria-labelledby="timeline-title" className="action-panel">
        <h2 id="timeline-title">{t('page.timeline')}</h2>
        <ActionTimeline items={timeline} />
      </section>

      <section aria-labelledby="edit-title" className="action-panel">
        <h2 id="edit-title">{t('page.edit')}</h2>
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
            {t('page.save')}
          </button>
        </Form>
      </section>
    </>
  );
}
