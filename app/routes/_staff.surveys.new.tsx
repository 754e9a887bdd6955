import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { z } from 'zod';

import { FormAlert } from '~/components/ui/form-alert';
import { startSurvey } from '~/surveys/new-survey.server';
import { cadenceNames } from '~/surveys/staff-words';
import { surveyTemplates } from '~/surveys/templates';
import { readForm } from '~/utils/form.server';
import { requireHrAdmin } from '~/utils/permissions.server';

export const meta: MetaFunction = () => [{ title: 'New survey · Innerloop' }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireHrAdmin(request);
  return json({
    templates: surveyTemplates.map((template) => ({
      id: template.id,
      name: template.name.en ?? template.id,
      description: template.description.en ?? '',
      questionCount: template.definition.questions.length,
      cadence: cadenceNames[template.definition.schedule.cadence],
      languageCount: template.definition.languages.length,
    })),
  });
}

const newSurveySchema = z.object({ template: z.string().min(1).max(100) });

export async function action({ request }: ActionFunctionArgs) {
  await requireHrAdmin(request);
  const form = newSurveySchema.safeParse(Object.fromEntries(await readForm(request)));
  if (!form.success)
    return json({ message: 'Choose a template, or a blank survey.' }, { status: 400 });
  const result = await startSurvey(form.data.template, new Date());
  if (!result.ok) return json({ message: result.message }, { status: 400 });
  return redirect(`/surveys/${result.surveyId}`);
}

export default function NewSurvey() {
  const { templates } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const busy = useNavigation().state !== 'idle';
  return (
    <section aria-labelledby="page-title">
      <p>
        <Link to="/surveys">← Surveys</Link>
      </p>
      <h1 id="page-title">New survey</h1>
      <p>
        Start from a template or a blank survey. It is created as a draft with everyone as its
        audience and the first cycle tomorrow at 09:00; change anything before you start it.
      </p>
      <FormAlert message={failure?.message} />
      <Form method="post">
        <ul className="template-list">
          {templates.map((template) => (
            <li key={template.id} className="template-card">
              <h2 id={`template-${template.id}`}>{template.name}</h2>
              <p>{template.description}</p>
              <p className="muted">
                {template.questionCount} questions · {template.cadence} · {template.languageCount}{' '}
                languages
              </p>
              <button
                type="submit"
                name="template"
                value={template.id}
                className="button"
                disabled={busy}
                aria-describedby={`template-${template.id}`}
              >
                Use this template
              </button>
            </li>
          ))}
          <li className="template-card">
            <h2 id="template-blank">Blank survey</h2>
            <p>One question to start from, in English; add languages and questions yourself.</p>
            <button
              type="submit"
              name="template"
              value="blank"
              className="button button-quiet"
              disabled={busy}
              aria-describedby="template-blank"
            >
              Start blank
            </button>
          </li>
        </ul>
      </Form>
    </section>
  );
}
