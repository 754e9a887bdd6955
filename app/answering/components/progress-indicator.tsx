import { useTranslation } from 'react-i18next';

/**
 * How many questions have an answer: a bar for the eye, and a polite live line for screen
 * readers, so progress is heard without stealing focus.
 */
export function ProgressIndicator({ answered, total }: { answered: number; total: number }) {
  const { t } = useTranslation('answering');
  const text = t('progress.answered', { answered, total });
  return (
    <div className="progress-indicator">
      <progress value={answered} max={Math.max(total, 1)} aria-hidden="true" />
      <p aria-live="polite" aria-atomic="true">
        {text}
      </p>
    </div>
  );
}
