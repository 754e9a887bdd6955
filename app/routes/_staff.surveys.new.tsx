import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';

import { FormAlert } from '~/components/ui/form-alert';
import { pageTitle } from '~/i18n';
import { localize } from '~/surveys/localize';
import { startSurvey } from '~/surveys/new-survey.server';
import { surveyTemplates } from '~/surveys/templates';
import { parseForm, refuseForm } from '~/utils/form.server';
import { requireHrAdmin } from '~/utils/permissions.server';

export const meta: MetaFunction = ({ matches }) => [
  { title: pageTitle(matches, 'surveys:new.title', 'surveys:title') },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireHrAdmin(request);
  return json({
    // Templates carry their name and description in all six languages: the reader's is shown.
    templates: surveyTemplates.map((template) => ({
      id: template.id,
      name: localize(template.name, user.language, 'en') || template.id,
      description: localize(template.description, user.language, 'en'),
      questionCount: template.definition.questions.length,
      cadence: template.definition.schedule.cadence,
      languageCount: template.definition.languages.length,
    })),
  });
}

const newSurveySchema = z.object({ template: z.string().min(1).max(100) });

export async function action({ request }: ActionFunctionArgs) {
  await requireHrAdmin(request);
  const form = await parseForm(request, newSurveySchema);
  if (!form.ok) {
    return refuseForm({ errors: { form: ['surveys:errors.chooseTemplate'] }, values: form.values });
  }
  const result = await startSurvey(form.data.template, new Date());
  if (!result.ok) return refuseForm({ errors: { form: [result.message] }, values: form.values });
  return redirect(`/surveys/${result.surveyId}`);
}

export default function NewSurvey() {
  const { t } = useTranslation('surveys');
  const { templates } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const busy = useNavigation().state !== 'idle';
  return (
    <section aria-labelledby="page-title">
      <p>
        <Link to="/surveys">{t('new.back')}</Link>
      </p>
      <h1 id="page-title">{t('new.title')}</h1>
      <p>{t('new.intro')}</p>
      <FormAlert message={failure?.errors.form?.[0]} />
      <Form method="post">
        <ul className="template-list">
          {templates.map((template) => (
            <li key={template.id} className="template-card">
              <h2 id={`template-${template.id}`}>{template.name}</h2>
              <p>{template.description}</p>
              <p className="muted">
                {t('new.facts', {
                  questions: template.questionCount,
                  cadence: t(`cadence.${template.cadence}`),
                  languages: template.languageCount,
                })}
              </p>
              <button
                type="submit"
                name="template"
                value={template.id}
                className="button"
                disabled={busy}
                aria-describedby={`template-${template.id}`}
              >
                {t('new.useTemplate')}
              </button>
            </li>
          ))}
          <li className="template-card">
            <h2 id="template-blank">{t('new.blankTitle')}</h2>
            <p>{t('new.blankDescription')}</p>
            <button
              type="submit"
              name="template"
              value="blank"
              className="button button-quiet"
              disabled={busy}
              aria-describedby="template-blank"
            >
              {t('new.startBlank')}
            </button>
          </li>
        </ul>
      </Form>
    </section>
  );
}
