import { Form, Link, useNavigation } from '@remix-run/react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';

import { FieldError } from '~/components/ui/field';
import { FormAlert } from '~/components/ui/form-alert';
import { SelectField } from '~/components/ui/select-field';
import { TextAreaField } from '~/components/ui/text-area-field';
import { TextField } from '~/components/ui/text-field';
import { useMessage } from '~/components/ui/use-message';
import { driverName } from '~/utils/driver-name';
import type { FieldErrors, FormValues } from '~/utils/submission';

import { messageBounds, senderNameMax } from '../thanks-forms';

export interface SendThanksFormProps {
  from: { name: string };
  departments: { id: string; name: string }[];
  drivers: string[];
  errors?: FieldErrors;
  values?: FormValues;
  /** A message about the whole form, e.g. too many thanks from one network. */
  alert?: string;
}

/**
 * Thanking a department from a board: a plain form, so it works without JavaScript. Anonymous is
 * the default; a name is asked for only when the sender chooses to sign.
 */
export function SendThanksForm({
  from,
  departments,
  drivers,
  errors = {},
  values = {},
  alert,
}: SendThanksFormProps) {
  const { t } = useTranslation('thanks');
  const busy = useNavigation().state === 'submitting';
  const message = useMessage();
  const legendId = useId();
  const value = (name: string) => {
    const sent = values[name];
    return typeof sent === 'string' ? sent : '';
  };
  const signed = value('signed') === 'name';
  return (
    <Form method="post" className="thanks-form" noValidate>
      <FormAlert message={alert ?? errors.form?.[0]} />
      <SelectField
        label={t('send.to')}
        name="to"
        required
        defaultValue={value('to')}
        error={errors.to?.[0]}
        options={[
          { value: '', label: t('send.toPlaceholder') },
          ...departments.map((department) => ({ value: department.id, label: department.name })),
        ]}
      />
      <TextAreaField
        label={t('send.message')}
        name="message"
        required
        rows={4}
        maxLength={messageBounds.max}
        hint={t('send.messageHint', messageBounds)}
        defaultValue={value('message')}
        error={errors.message?.[0]}
      />
      <SelectField
        label={t('send.driver')}
        name="driver"
        defaultValue={value('driver')}
        error={errors.driver?.[0]}
        options={[
          { value: '', label: t('send.noDriver') },
          ...drivers.map((driver) => ({ value: driver, label: driverName(t, driver) })),
        ]}
      />
      <fieldset className="thanks-signed" aria-labelledby={legendId}>
        <legend id={legendId}>{t('send.signedLegend')}</legend>
        <label className="thanks-choice">
          <input type="radio" name="signed" value="anonymous" defaultChecked={!signed} />{' '}
          {t('send.anonymous')}
        </label>
        <label className="thanks-choice">
          <input type="radio" name="signed" value="name" defaultChecked={signed} />{' '}
          {t('send.signed')}
        </label>
        <FieldError>{message(errors.signed?.[0])}</FieldError>
      </fieldset>
      <TextField
        label={t('send.senderName')}
        name="senderName"
        autoComplete="name"
        maxLength={senderNameMax}
        hint={t('send.senderNameHint', { department: from.name })}
        defaultValue={value('senderName')}
        error={errors.senderName?.[0]}
      />
      <p className="muted">{t('send.anonymityNote')}</p>
      <p className="muted">{t('send.publishNote')}</p>
      <button type="submit" className="button" disabled={busy}>
        {t('send.submit')}
      </button>
    </Form>
  );
}

/** After sending: where to go next. */
export function ThanksSent({ boardPath, thanksPath }: { boardPath: string; thanksPath: string }) {
  const { t } = useTranslation('thanks');
  return (
    <div className="thanks-sent" role="status">
      <h2>{t('send.sentTitle')}</h2>
      <p>{t('send.sentBody')}</p>
      <p>
        <Link to={boardPath}>{t('send.backToBoard')}</Link>
      </p>
      <p>
        <Link to={thanksPath} reloadDocument>
          {t('send.another')}
        </Link>
      </p>
    </div>
  );
}
