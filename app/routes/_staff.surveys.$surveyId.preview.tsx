import type { LinksFunction, LoaderFunctionArgs } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';

import { languageNames } from '~/people/schemas';
import answeringStyles from '~/styles/answering.css';
import { SurveyView } from '~/surveys/components/survey-view/survey-view';
import { previewOf } from '~/surveys/preview.server';
import { getSurvey } from '~/surveys/surveys.server';
import { requireHrAdmin } from '~/utils/permissions.server';

// The answer page's own styles: the preview draws its components.
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: answeringStyles }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireHrAdmin(request);
  const survey = await getSurvey(params.surveyId ?? '');
  if (!survey) throw new Response('Not found', { status: 404 });
  const preview = await previewOf(survey.definition, new URL(request.url).searchParams.get('lang'));
  const rotating = preview.questions.filter((question) => !question.core).length;
  return json({ preview, rotating, maxPerCycle: survey.definition.rotation.maxQuestionsPerCycle });
}

export default function SurveyPreviewPage() {
  const { preview, rotating, maxPerCycle } = useLoaderData<typeof loader>();
  return (
    <>
      <h2>Preview</h2>
      <p>
        Exactly what employees see, in each language the survey is offered in. Missing translations
        show the default language.
        {rotating > 0
          ? ` ${rotating} rotating question(s) take turns: each cycle asks the core questions and rotating ones up to ${maxPerCycle} in all.`
          : ''}
      </p>
      <nav className="language-switcher" aria-label="Preview language">
        <ul>
          {preview.languages.map((language) => (
            <li key={language}>
              <Link
                to={`?lang=${language}`}
                hrefLang={language}
                aria-current={language === preview.language ? 'page' : undefined}
                preventScrollReset
              >
                {languageNames[language]}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <div className="preview-frame">
        <SurveyView
          language={preview.language}
          defaultLanguage={preview.defaultLanguage}
          title={preview.title}
          intro={preview.intro}
          questions={preview.questions}
          providers={preview.providers}
          submitDisabled
        />
      </div>
    </>
  );
}
