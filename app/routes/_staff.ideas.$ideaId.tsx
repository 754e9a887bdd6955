import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';

import { ActionFields } from '~/actions/components/action-fields';
import { formatDay } from '~/board/components/board-format';
import { FormAlert } from '~/components/ui/form-alert';
import { ReplyList } from '~/components/ui/reply-list';
import { SelectField } from '~/components/ui/select-field';
import { TextAreaField } from '~/components/ui/text-area-field';
import { pageTitle } from '~/i18n';
import { ideaActionChoices, raiseActionFromIdea } from '~/ideas/idea-action.server';
import { ideaIntent } from '~/ideas/idea-forms';
import { loadIdea, replyToIdea, requireIdea, setIdeaStatus } from '~/ideas/ideas.server';
import { parseForm, refuseForm } from '~/utils/form.server';
import { requireStaff } from '~/utils/permissions.server';

import { ideaStatuses } from '../../models/vocabulary';

export const meta: MetaFunction = ({ matches }) => [
  { title: pageTitle(matches, 'ideas:page.title', 'ideas:title') },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireStaff(request);
  const id = params.ideaId ?? '';
  const [idea, choices] = await Promise.all([loadIdea(user, id), ideaActionChoices(user, id)]);
  return json({ idea, ...choices });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireStaff(request);
  const id = params.ideaId ?? '';
  // 404 / 403 before the form is read.
  await requireIdea(user, id);
  const form = await parseForm(request, ideaIntent);
  if (!form.ok) return refuseForm(form);
  if (form.data.intent === 'action') {
    const raised = await raiseActionFromIdea(user, id, form.values);
    if (!raised.ok) return refuseForm({ errors: raised.errors, values: form.values });
    return redirect(`/actions/${raised.id}`);
  }
  const change = form.data.intent === 'reply' ? replyToIdea : setIdeaStatus;
  const result = await change(user, id, form.values);
  if (!result.ok) return refuseForm({ errors: result.errors, values: form.values });
  return redirect(`/ideas/${id}`);
}

/** One released idea: what came of it, the replies the sender reads, and raising an action. */
export default function IdeaPage() {
  const { idea, owners, today } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation('ideas');
  const failure = useActionData<typeof action>();
  const submitting = useNavigation().state === 'submitting';
  const failed = (intent: string) => (failure?.values.intent === intent ? failure : undefined);
  const typed = (intent: string, name: string) => {
    const value = failed(intent)?.values[name];
    return typeof value === 'string' ? value : undefined;
  };
  const day = (value: string) => formatDay(value, i18n.language);
  return (
    <>
      <p className="breadcrumb">
        <Link to="/ideas">{t('page.allIdeas')}</Link>
      </p>
      <h1 id="page-title">
        {t('page.heading', { kind: t(`kind.${idea.kind}`), department: idea.departmentName })}
      </h1>
      <blockquote className="action-description idea-text">{idea.text}</blockquote>
      <dl className="action-summary">
        <div>
          <dt>{t('page.batch')}</dt>
          <dd>{t('list.batchOf', { date: day(idea.batchDay) })}</dd>
        </div>
        <div>
          <dt>{t('page.status')}</dt>
          <dd>
            {t(`status.${idea.status}`)}
            {idea.statusOn ? ` · ${day(idea.statusOn)}` : ''}
          </dd>
        </div>
        {idea.reason ? (
          <div>
            <dt>{t('board.reason')}</dt>
            <dd>{idea.reason}</dd>
          </div>
        ) : null}
      </dl>

      <section aria-labelledby="idea-status-title" className="action-panel">
        <h2 id="idea-status-title">{t('page.statusTitle')}</h2>
        <Form method="post" className="form" key={failed('status') ? 'refused' : idea.status}>
          <input type="hidden" name="intent" value="status" />
          <SelectField
            label={t('page.status')}
            name="status"
            defaultValue={typed('status', 'status') ?? idea.status}
            options={ideaStatuses.map((status) => ({
              value: status,
              label: t(`status.${status}`),
            }))}
            error={failed('status')?.errors.status?.[0]}
          />
          <TextAreaField
            id="idea-reason"
            label={t('page.reasonLabel')}
            hint={t('page.reasonHint')}
            name="reason"
            rows={2}
            maxLength={2000}
            defaultValue={typed('status', 'reason') ?? idea.reason ?? ''}
            error={failed('status')?.errors.reason?.[0]}
          />
          <button type="submit" className="button" disabled={submitting}>
            {t('page.saveStatus')}
          </button>
        </Form>
      </section>

      <section aria-labelledby="idea-replies-title" className="action-panel">
        <h2 id="idea-replies-title">{t('page.repliesTitle')}</h2>
        <p className="muted">{t('page.repliesIntro')}</p>
        {idea.replies.length > 0 ? (
          <ReplyList replies={idea.replies} from={(words) => t('receipt.replyFrom', words)} />
        ) : null}
        <Form
          method="post"
          className="form"
          key={failed('reply') ? 'refused' : idea.replies.length}
        >
          <input type="hidden" name="intent" value="reply" />
          <TextAreaField
            id="idea-reply"
            label={t('page.replyLabel')}
            name="text"
            rows={3}
            maxLength={2000}
            defaultValue={typed('reply', 'text') ?? ''}
            error={failed('reply')?.errors.text?.[0]}
          />
          <button type="submit" className="button" disabled={submitting}>
            {t('page.sendReply')}
          </button>
        </Form>
      </section>

      <section aria-labelledby="idea-action-title" className="action-panel">
        <h2 id="idea-action-title">{t('page.actionTitle')}</h2>
        {idea.action ? (
          <p>
            <Link to={`/actions/${idea.action.id}`}>{idea.action.title}</Link>
          </p>
        ) : (
          <Form method="post" className="form action-form" noValidate>
            <input type="hidden" name="intent" value="action" />
            <p className="muted">{t('page.actionIntro')}</p>
            <FormAlert message={failed('action')?.errors.form?.[0]} />
            <ActionFields
              saved={{ title: '', description: '', ownerId: '', dueOn: '', published: false }}
              owners={owners}
              today={today}
              errors={failed('action')?.errors}
              values={failed('action')?.values}
            />
            <button type="submit" className="button" disabled={submitting}>
              {t('page.raiseAction')}
            </button>
          </Form>
        )}
      </section>
    </>
  );
}
