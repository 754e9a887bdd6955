import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import {
  type ShouldRevalidateFunction,
  useActionData,
  useLoaderData,
  useNavigation,
  useSearchParams,
} from '@remix-run/react';
import { useTranslation } from 'react-i18next';

import { ErrorPage, useErrorDetail, useErrorStatus } from '~/components/error-page';
import { Pagination } from '~/components/pagination';
import { useMessage } from '~/components/ui/use-message';
import { pageTitle } from '~/i18n';
import { withCommentSources } from '~/insights/action-sources.server';
import { commentFiltersSchema, replyFormSchema } from '~/insights/comment-filters';
import { postReply } from '~/insights/comment-replies.server';
import { listComments } from '~/insights/comments.server';
import { CommentFiltersForm } from '~/insights/components/comment-filters-form';
import { CommentList } from '~/insights/components/comment-list';
import { insightFormat } from '~/insights/components/use-insight-words';
import { parseForm, parseSearch, refuseAddress, refuseForm } from '~/utils/form.server';
import { forbidden, notFound, requireStaff } from '~/utils/permissions.server';

export const meta: MetaFunction = ({ matches }) => [
  { title: pageTitle(matches, 'insights:nav.comments', 'insights:title') },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireStaff(request);
  const parsed = parseSearch(request, commentFiltersSchema);
  if (!parsed.ok) throw refuseAddress(parsed, 'insights:comments.errors.badFilters');
  const outcome = await listComments(user, parsed.data);
  if (!outcome.ok) {
    throw outcome.status === 403 ? forbidden(outcome.message) : notFound(outcome.message);
  }
  return json(await withCommentSources(user, outcome.view));
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireStaff(request);
  const form = await parseForm(request, replyFormSchema);
  if (!form.ok) return refuseForm(form);
  const outcome = await postReply(user, form.data);
  if (!outcome.ok) {
    return refuseForm(
      { errors: { [outcome.field]: [outcome.message] }, values: form.values },
      outcome.status,
    );
  }
  // Back to the same view, so a reload does not post the reply twice.
  const { search } = new URL(request.url);
  return redirect(`/insights/comments${search}`);
}

// After a refused reply the page stays as it was, so the message stays beside its box.
export const shouldRevalidate: ShouldRevalidateFunction = ({
  actionResult,
  defaultShouldRevalidate,
}) => (isRefusal(actionResult) ? false : defaultShouldRevalidate);

function isRefusal(result: unknown): boolean {
  return typeof result === 'object' && result !== null && 'errors' in result;
}

export default function InsightComments() {
  const { t, i18n } = useTranslation('insights');
  const say = useMessage();
  const format = insightFormat(i18n.language);
  const view = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const submitting = useNavigation().state === 'submitting';
  const [searchParams] = useSearchParams();
  const at = Number(failure?.values.at);
  return (
    <>
      <h1 id="page-title">{t('nav.comments')}</h1>
      <p>
        {view.threshold > 0
          ? t('comments.intro', { threshold: view.threshold })
          : t('comments.introNoThreshold')}
      </p>
      {view.surveys.length === 0 ? (
        <p className="muted">{t('comments.noSurvey')}</p>
      ) : (
        <CommentFiltersForm view={view} />
      )}
      {view.notes.map((note) => (
        <p key={note} className="form-alert" role="status">
          {say(note)}
        </p>
      ))}
      {view.filters ? (
        <>
          <p aria-live="polite">
            {t('comments.count', { count: view.total, total: format.count(view.total) })}
            {view.filters.search
              ? ` ${t('comments.matching', { search: view.filters.search })}`
              : ''}
            {view.pageCount > 1
              ? `, ${t('comments.page', { page: view.page, pages: view.pageCount })}`
              : ''}
          </p>
          <CommentList
            comments={view.comments}
            withheldGroups={view.withheldGroups}
            failure={failure && Number.isInteger(at) ? { ...failure, at } : undefined}
            submitting={submitting}
            surveyId={view.filters.surveyId}
          />
          <Pagination
            page={view.page}
            pageCount={view.pageCount}
            searchParams={searchParams}
            label={t('comments.pages')}
          />
        </>
      ) : null}
    </>
  );
}

export function ErrorBoundary() {
  // A search that is too long is refused with its own words, not only "could not be understood".
  const say = useMessage();
  return <ErrorPage status={useErrorStatus()} detail={say(useErrorDetail())} />;
}
