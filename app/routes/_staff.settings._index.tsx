import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react';

import { FormAlert } from '~/components/ui/form-alert';
import { SelectField } from '~/components/ui/select-field';
import { TextField } from '~/components/ui/text-field';
import { languageNames } from '~/people/schemas';
import { minimumAnonymityThreshold } from '~/settings/organisation';
import { getSettings, saveSettings } from '~/settings/organisation.server';
import { languageCodes } from '~/surveys/survey-schema';
import { readForm } from '~/utils/form.server';
import { requireHrAdmin } from '~/utils/permissions.server';

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
      <h2 id="settings-title">Organisation</h2>
      <p>New surveys start from these settings; each survey can still change its own.</p>
      {failed ? (
        <FormAlert message="The settings were not saved: see the fields marked below." />
      ) : null}
      {result?.saved ? (
        <p className="form-notice" role="status">
          Settings saved.
        </p>
      ) : null}
      <TextField
        label="Organisation name"
        name="organisationName"
        hint="Shown at the top of the staff pages."
        autoComplete="organization"
        defaultValue={text('organisationName', settings.organisationName)}
        error={errors.organisationName?.[0]}
      />
      <TextField
        label="Default anonymity threshold"
        name="anonymityThreshold"
        inputMode="numeric"
        hint={`Results of a group smaller than this are withheld. At least ${minimumAnonymityThreshold}; 5 is usual.`}
        defaultValue={text('anonymityThreshold', settings.anonymityThreshold)}
        error={errors.anonymityThreshold?.[0]}
      />
      <fieldset className="settings-choices" aria-describedby="languages-hint">
        <legend>Default languages</legend>
        <p id="languages-hint" className="field-hint">
          The languages new surveys are offered in.
        </p>
        {languageCodes.map((language) => (
          <label key={language} className="settings-choice">
            <input
              type="checkbox"
              name="languages"
              value={language}
              defaultChecked={chosen.has(language)}
            />
            <span>{languageNames[language]}</span>
          </label>
        ))}
        {errors.languages?.[0] ? <p className="field-error">{errors.languages[0]}</p> : null}
      </fieldset>
      <SelectField
        label="Main language"
        name="defaultLanguage"
        hint="Every survey text is written in it first; the others fall back to it."
        options={languageCodes.map((language) => ({
          value: language,
          label: languageNames[language],
        }))}
        defaultValue={text('defaultLanguage', settings.defaultLanguage)}
        error={errors.defaultLanguage?.[0]}
      />
      <TextField
        label="Time zone"
        name="timeZone"
        hint="A name such as Europe/Oslo. Dates on every page are shown in it."
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
        label="Default reminder, days before closing"
        name="reminderDaysBeforeClose"
        inputMode="numeric"
        hint="One reminder to everyone invited; 0 for none."
        defaultValue={text('reminderDaysBeforeClose', settings.reminderDaysBeforeClose)}
        error={errors.reminderDaysBeforeClose?.[0]}
      />
      <div className="form-actions">
        <button type="submit" className="button" disabled={submitting}>
          Save settings
        </button>
      </div>
    </Form>
  );
}
