import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';

import { FieldError } from '~/components/ui/field';
import { FormAlert } from '~/components/ui/form-alert';
import { SelectField } from '~/components/ui/select-field';
import { TextField } from '~/components/ui/text-field';
import { useMessage } from '~/components/ui/use-message';
import { pageTitle } from '~/i18n';
import { minimumAnonymityThreshold } from '~/settings/organisation';
import { getSettings, saveSettings } from '~/settings/organisation.server';
import { readForm } from '~/utils/form.server';
import { requireHrAdmin } from '~/utils/permissions.server';

import { languageCodes } from '../../models/vocabulary';

export const meta: MetaFunction = ({ matches }) => [
  { title: pageTitle(matches, 'settings:organisation.title', 'settings:title') },
];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireHrAdmin(request);
  return json({
    settings: await getSettings(),
    timeZones: Intl.supportedValuesOf('timeZone'),
  });
}

export async function action({ request }: ActionFunctionArgs) {
  await requireHrAdmin(request);
  const result = await saveSettings(await readForm(request));
  if (!result.ok) {
    return json({ saved: false, errors: result.errors, values: result.values }, { status: 400 });
  }
  return json({ saved: true, errors: {}, values: {} });
}

export default function OrganisationSettings() {
  const { settings, timeZones } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const submitting = useNavigation().state === 'submitting';
  // Language names are the people area's words, in the reader's language.
  const { t } = useTranslation(['settings', 'people']);
  const say = useMessage();
  const errors: Record<string, string[] | undefined> = result?.errors ?? {};
  const values: Record<string, string | string[] | undefined> = result?.values ?? {};
  const text = (name: string, stored: string | number) => {
    const typed = values[name];
    return typeof typed === 'string' ? typed : String(stored);
  };
  const typedLanguages = values.languages;
  const chosen = new Set<string>(
    Array.isArray(typedLanguages) ? typedLanguages : settings.languages,
  );
  const failed = result && !result.saved;
  return (
    <Form method="post" className="form settings-form" aria-labelledby="settings-title">
      <h2 id="settings-title">{t('organisation.title')}</h2>
      <p>{t('organisation.intro')}</p>
      {failed ? <FormAlert message={t('organisation.notSaved')} /> : null}
      {result?.saved ? (
        <p className="form-notice" role="status">
          {t('organisation.saved')}
        </p>
      ) : null}
      <TextField
        label={t('organisation.name')}
        name="organisationName"
        hint={t('organisation.nameHint')}
        autoComplete="organization"
        defaultValue={text('organisationName', settings.organisationName)}
        error={errors.organisationName?.[0]}
      />
      <TextField
        label={t('organisation.threshold')}
        name="anonymityThreshold"
        inputMode="numeric"
        hint={t('organisation.thresholdHint', { minimum: minimumAnonymityThreshold, usual: 5 })}
        defaultValue={text('anonymityThreshold', settings.anonymityThreshold)}
        error={errors.anonymityThreshold?.[0]}
      />
      <fieldset className="settings-choices" aria-describedby="languages-hint">
        <legend>{t('organisation.languages')}</legend>
        <p id="languages-hint" className="field-hint">
          {t('organisation.languagesHint')}
        </p>
        {languageCodes.map((language) => (
          <label key={language} className="settings-choice">
            <input
              type="checkbox"
              name="languages"
              value={language}
              defaultChecked={chosen.has(language)}
            />
            <span>{t(`people:languages.${language}`)}</span>
          </label>
        ))}
        <FieldError>{say(errors.languages?.[0])}</FieldError>
      </fieldset>
      <SelectField
        label={t('organisation.mainLanguage')}
        name="defaultLanguage"
        hint={t('organisation.mainLanguageHint')}
        options={languageCodes.map((language) => ({
          value: language,
          label: t(`people:languages.${language}`),
        }))}
        defaultValue={text('defaultLanguage', settings.defaultLanguage)}
        error={errors.defaultLanguage?.[0]}
      />
      <TextField
        label={t('organisation.timeZone')}
        name="timeZone"
        hint={t('organisation.timeZoneHint')}
        list="time-zone-options"
        autoComplete="off"
        defaultValue={text('timeZone', settings.timeZone)}
        error={errors.timeZone?.[0]}
      />
      <datalist id="time-zone-options">
        {timeZones.map((zone) => (
          <option key={zone} value={zone} />
        ))}
      </datalist>
      <TextField
        label={t('organisation.reminder')}
        name="reminderDaysBeforeClose"
        inputMode="numeric"
        hint={t('organisation.reminderHint')}
        defaultValue={text('reminderDaysBeforeClose', settings.reminderDaysBeforeClose)}
        error={errors.reminderDaysBeforeClose?.[0]}
      />
      <div className="form-actions">
        <button type="submit" className="button" disabled={submitting}>
          {t('organisation.submit')}
        </button>
      </div>
    </Form>
  );
}
