import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { useActionData, useLoaderData, useNavigation, useSearchParams } from '@remix-run/react';
import { useTranslation } from 'react-i18next';

import { departmentChoices } from '~/people/departments.server';
import { SurveyForm } from '~/surveys/components/survey-form/survey-form';
import { answeredIdsOf, handleDesignerPost } from '~/surveys/designer.server';
import { withChoiceRows } from '~/surveys/designer-edits';
import { draftFromDefinition } from '~/surveys/designer-form';
import { getSurvey } from '~/surveys/surveys.server';
import { readForm } from '~/utils/form.server';
import { notFound, requireHrAdmin } from '~/utils/permissions.server';
import type { FieldErrors } from '~/utils/submission';

import { languageCodes } from '../../models/vocabulary';

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
    savedIds: definition.questions.map((question) => question.id),
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
  const formData = await readForm(request);
  const outcome = await handleDesignerPost(surveyId, formData, new Date());
  // The language filter is no part of the survey; it comes back so a round trip keeps it.
  const shown = new Set(formData.getAll('showLanguages'));
  const shownLanguages = languageCodes.filter((language) => shown.has(language));
  // A token that tells the page to start the form afresh from what the server sent back.
  const nonce = Date.now();
  switch (outcome.kind) {
    case 'not-found':
      throw notFound();
    case 'saved':
      return redirect(`/surveys/${surveyId}?saved=${nonce}`);
    case 'refused':
      return json(
        {
          draft: outcome.draft,
          errors: outcome.errors,
          focus: null,
          notice: null,
          nonce,
          shownLanguages,
        },
        { status: 400 },
      );
    case 'edited':
      return json({
        draft: outcome.draft,
        errors: {},
        focus: outcome.focus,
        notice: outcome.notice ?? null,
        nonce,
        shownLanguages,
      });
  }
}

export default function SurveyDesigner() {
  const { t } = useTranslation('surveys');
  const loaded = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const navigation = useNavigation();
  const submitting = navigation.state === 'submitting';
  const saved = searchParams.get('saved');
  const errors: FieldErrors = result?.errors ?? {};
  const problems = Object.values(errors).filter((messages) => messages?.length).length;
  const saveStatus =
    submitting && navigation.formData?.get('intent') === 'save'
      ? t('designer.saving')
      : problems > 0
        ? t('designer.notSaved', { count: problems })
        : saved && !result
          ? t('designer.saved')
          : '';
  return (
    <>
      {loaded.status !== 'draft' ? <p className="form-notice">{t('designer.liveNotice')}</p> : null}
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
        savedIds={loaded.savedIds}
        shownLanguages={result?.shownLanguages}
        saveStatus={saveStatus}
        submitting={submitting}
      />
    </>
  );
}
