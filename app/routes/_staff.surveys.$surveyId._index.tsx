import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { useActionData, useLoaderData, useNavigation, useSearchParams } from '@remix-run/react';

import { SurveyForm } from '~/components/survey-form/survey-form';
import { departmentChoices } from '~/people/departments.server';
import { answeredIdsOf, handleDesignerPost } from '~/surveys/designer.server';
import { withChoiceRows } from '~/surveys/designer-edits';
import { draftFromDefinition } from '~/surveys/designer-form';
import { getSurvey } from '~/surveys/surveys.server';
import { readForm } from '~/utils/form.server';
import { requireHrAdmin } from '~/utils/permissions.server';

const notFound = () => new Response('Not found', { status: 404 });

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireHrAdmin(request);
  const survey = await getSurvey(params.surveyId ?? '');
  if (!survey) throw notFound();
  const { definition } = survey;
  // Departments already chosen stay listed even if archived since.
  const departments = await departmentChoices([
    ...definition.audience.departmentIds,
    ...definition.providerDepartmentIds,
  ]);
  return json({
    draft: withChoiceRows(draftFromDefinition(definition)),
    revision: survey.revision,
    status: survey.status,
    answeredIds: answeredIdsOf(survey),
    departments,
    timeZones: Intl.supportedValuesOf('timeZone'),
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  await requireHrAdmin(request);
  const surveyId = params.surveyId ?? '';
  const outcome = await handleDesignerPost(surveyId, await readForm(request), new Date());
  // A token that tells the page to start the form afresh from what the server sent back.
  const nonce = Date.now();
  switch (outcome.kind) {
    case 'not-found':
      throw notFound();
    case 'saved':
      return redirect(`/surveys/${surveyId}?saved=${nonce}`);
    case 'refused':
      return json(
        { draft: outcome.draft, errors: outcome.errors, focus: null, notice: null, nonce },
        { status: 400 },
      );
    case 'edited':
      return json({
        draft: outcome.draft,
        errors: {},
        focus: outcome.focus,
        notice: outcome.notice ?? null,
        nonce,
      });
  }
}

export default function SurveyDesigner() {
  const loaded = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const submitting = useNavigation().state === 'submitting';
  const saved = searchParams.get('saved');
  return (
    <>
      {loaded.status !== 'draft' ? (
        <p className="form-notice">
          Changes apply from the next cycle; a cycle already open keeps the questions it opened
          with.
        </p>
      ) : null}
      {saved && !result ? (
        <p className="form-notice" role="status">
          Saved.
        </p>
      ) : null}
      <SurveyForm
        key={result ? `edit-${result.nonce}` : `saved-${loaded.revision}-${saved ?? ''}`}
        draft={result?.draft ?? loaded.draft}
        errors={result?.errors}
        notice={result?.notice ?? undefined}
        focus={result?.focus ?? undefined}
        revision={loaded.revision}
        departments={loaded.departments}
        timeZones={loaded.timeZones}
        answeredIds={loaded.answeredIds}
        submitting={submitting}
      />
    </>
  );
}
