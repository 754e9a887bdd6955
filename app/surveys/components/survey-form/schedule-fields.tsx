import { useTranslation } from 'react-i18next';

import { useMessage } from '~/components/ui/use-message';
import type { SurveyDraft } from '~/surveys/designer-form';
import type { FieldErrors } from '~/utils/submission';

import { cadences } from '../../../../models/vocabulary';
import { DesignerInput, DesignerSelect } from './designer-input';
import { errorText } from './fields';

/** When cycles open and close, in the organisation's local time. */
export function ScheduleFields({
  schedule,
  maxQuestionsPerCycle,
  errors,
}: {
  schedule: SurveyDraft['schedule'];
  maxQuestionsPerCycle: string;
  errors: FieldErrors;
}) {
  const { t } = useTranslation('surveys');
  const say = useMessage();
  const error = (name: string) => errorText(errors, name, say);
  return (
    <fieldset className="fieldset schedule-fields">
      <legend>{t('designer.schedule')}</legend>
      <DesignerSelect
        label={t('designer.cadence')}
        name="schedule.cadence"
        defaultValue={schedule.cadence}
        error={error('schedule.cadence')}
        options={cadences.map((cadence) => ({ value: cadence, label: t(`cadence.${cadence}`) }))}
      />
      <DesignerInput
        label={t('designer.startDate')}
        name="schedule.startDate"
        type="date"
        defaultValue={schedule.startDate}
        error={error('schedule.startDate')}
      />
      <DesignerInput
        label={t('designer.openHour')}
        hint={t('designer.openHourHint')}
        name="schedule.openHour"
        inputMode="numeric"
        defaultValue={schedule.openHour}
        error={error('schedule.openHour')}
      />
      <DesignerInput
        label={t('designer.openDays')}
        hint={t('designer.openDaysHint')}
        name="schedule.openDays"
        inputMode="numeric"
        defaultValue={schedule.openDays}
        error={error('schedule.openDays')}
      />
      <DesignerInput
        label={t('designer.reminder')}
        hint={t('designer.reminderHint')}
        name="schedule.reminderDaysBeforeClose"
        inputMode="numeric"
        defaultValue={schedule.reminderDaysBeforeClose}
        error={error('schedule.reminderDaysBeforeClose')}
      />
      <DesignerInput
        label={t('designer.timeZone')}
        hint={t('designer.timeZoneHint')}
        name="schedule.timeZone"
        list="time-zone-options"
        defaultValue={schedule.timeZone}
        error={error('schedule.timeZone')}
      />
      <DesignerInput
        label={t('designer.maxQuestions')}
        hint={t('designer.maxQuestionsHint')}
        name="rotation.maxQuestionsPerCycle"
        inputMode="numeric"
        defaultValue={maxQuestionsPerCycle}
        error={error('rotation.maxQuestionsPerCycle')}
      />
    </fieldset>
  );
}
