import { Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';

import { boardPath } from '~/board/board-path';

/**
 * On the thank-you page after a pulse: the way to thank another department, from the board of
 * the department the person answered for (which the form takes as their own).
 */
export function ThankADepartmentLink({ boardKey }: { boardKey?: string | null }) {
  const { t } = useTranslation('thanks');
  if (!boardKey) return null;
  return (
    <p>
      <Link to={`${boardPath(boardKey)}/thanks`}>{t('fromThankYou')}</Link>
    </p>
  );
}
