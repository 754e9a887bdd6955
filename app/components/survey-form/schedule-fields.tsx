import type { DraftErrors, SurveyDraft } from '~/surveys/designer-form';
import { cadenceNames } from '~/surveys/staff-words';
import { cadences } from '~/surveys/survey-schema';

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
  errors: DraftErrors;
}) {
  const error = (name: string) => errorText(errors, name);
  return (
    <fieldset className="fieldset schedule-fields">
      <legend>Schedule</legend>
      <DesignerSelect
        label="How often"
        name="schedule.cadence"
        defaultValue={schedule.cadence}
        error={error('schedule.cadence')}
        options={cadences.map((cadence) => ({ value: cadence, label: cadenceNames[cadence] }))}
      />
      <DesignerInput
        label="First cycle opens on"
        name="schedule.startDate"
        type="date"
        defaultValue={schedule.startDate}
        error={error('schedule.startDate')}
      />
      <DesignerInput
        label="Opening hour"
        hint="0–23, local time. Cycles open and close at this hour."
        name="schedule.openHour"
        inputMode="numeric"
        defaultValue={schedule.openHour}
        error={error('schedule.openHour')}
      />
      <DesignerInput
        label="Days open"
        hint="How long each cycle takes answers."
        name="schedule.openDays"
        inputMode="numeric"
        defaultValue={schedule.openDays}
        error={error('schedule.openDays')}
      />
      <DesignerInput
        label="Reminder, days before closing"
        hint="One reminder to everyone invited by e-mail (it thanks those who answered already); 0 for none."
        name="schedule.reminderDaysBeforeClose"
        inputMode="numeric"
        defaultValue={schedule.reminderDaysBeforeClose}
        error={error('schedule.reminderDaysBeforeClose')}
      />
      <DesignerInput
        label="Time zone"
        hint="A name such as Europe/Oslo."
        name="schedule.timeZone"
        list="time-zone-options"
        defaultValue={schedule.timeZone}
        error={error('schedule.timeZone')}
      />
      <DesignerInput
        label="Questions per cycle, at most"
        hint="Core questions always; the others take turns within this limit."
        name="rotation.maxQuestionsPerCycle"
        inputMode="numeric"
        defaultValue={maxQuestionsPerCycle}
        error={error('rotation.maxQuestionsPerCycle')}
      />
    </fieldset>
  );
}
