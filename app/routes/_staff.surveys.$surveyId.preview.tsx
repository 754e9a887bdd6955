import type { LinksFunction, LoaderFunctionArgs } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';

import { languageNames } from '~/people/schemas';
import answeringStyles from '~/styles/answering.css';
import { SurveyView } from '~/surveys/components/survey-view/survey-view';
import { previewOf } from '~/surveys/preview.server';
import { getSurvey } from '~/surveys/surveys.server';
import { notFound, requireHrAdmin } from '~/utils/permissions.server';

// The answer page's own styles: the preview draws its components.
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: answeringStyles }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireHrAdmin(request);
  const survey = await getSurvey(params.surveyId ?? '');
  if (!survey) throw notFound();
  const preview = await previewOf(survey.definition, new URL(request.url).searchParams.get('lang'));
  const rotating = preview.questions.filter((question) => !question.core).length;
  return json({ preview, rotating, maxPerCycle: survey.definition.rotation.maxQuestionsPerCycle });
}

export default function SurveyPreviewPage() {
  const { preview, rotating, maxPerCycle } = useLoaderData<typeof loader>();
  const { t } = useTranslation('surveys');
  return (
    <>
      <h2>{t('survey.preview')}</h2>
      <p>
        {t('previewPage.intro')}
        {rotating > 0 ? ` ${t('previewPage.rotating', { count: rotating, max: maxPerCycle })}` : ''}
      </p>
      <nav className="language-switcher" aria-label={t('previewPage.languages')}>
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
