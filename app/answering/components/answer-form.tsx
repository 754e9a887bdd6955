import { Form, useNavigation } from '@remix-run/react';
import { type MouseEvent, type ReactNode, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { estimatedMinutes } from '~/answering/answering-time';
import type { AskedView } from '~/answering/asked-view';
import { ProgressIndicator } from '~/answering/components/progress-indicator';
import type { AnswerForm as AnswerFormData } from '~/answering/invite-link.server';
import type { SubmissionErrorCode } from '~/answering/submission-schema';

import { AnswerQuestions, groupsOf } from './answer-questions';

export interface AnswerFormProps {
  form: AnswerFormData;
  /** Refusals per slot key (or `language` / `form`), as codes. */
  errors?: Record<string, SubmissionErrorCode>;
  /**
   * localStorage key for the draft: derived from a hash of the link, never the link itself. Null
   * keeps no draft: on a shared device (the kiosk) the next person must not find the last one's.
   */
  draftKey: string | null;
  /** Fields before the questions (the kiosk's department picker). */
  before?: ReactNode;
}

/** The form fields that still block sending: required and unanswered, or otherwise invalid. */
function firstInvalidField(form: HTMLFormElement) {
  return [
    ...form.querySelectorAll<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>(
      'input, textarea, select',
    ),
  ].find((field) => field.willValidate && !field.validity.valid);
}

/**
 * The answering form, mobile first: one column, big targets, a progress line, required
 * questions marked (the server decides), and answers kept on the device until they are sent, so
 * a dropped connection loses nothing. Each rated department is a card with its place among them;
 * with JavaScript the cards are steps, one on screen at a time, so a pulse rating six
 * departments stays short on a phone.
 */
export function AnswerForm({ form, errors = {}, draftKey, before }: AnswerFormProps) {
  const { t } = useTranslation('answering');
  const ref = useRef<HTMLFormElement>(null);
  const [answered, setAnswered] = useState(0);
  const [skipped, setSkipped] = useState<Set<string>>(new Set());
  const busy = useNavigation().state === 'submitting';
  const total = form.questions.length;
  const groups = groupsOf(form.questions);
  const cards = groups.filter((group) => group.providerId !== null);
  // Steps only once hydrated: the server's page (and a browser without JavaScript) shows every
  // card. A refused submission opens on the first card with a message.
  const [hydrated, setHydrated] = useState(false);
  const firstCardWithError = Math.max(
    cards.findIndex((card) => card.questions.some((question) => errors[question.key])),
    0,
  );
  const [step, setStep] = useState(firstCardWithError);
  // A number, not the errors object: a new object on every render must not reset the step.
  useEffect(() => setStep(firstCardWithError), [firstCardWithError]);
  const stepping = hydrated && cards.length > 1;
  // Set when a step is changed to show a field that blocks sending: the browser's own message
  // is asked for once that step is on screen.
  const reportAfterStep = useRef(false);
  const stepChanged = useRef(false);
  const minutes = estimatedMinutes(form.questions.map((question) => question.type));

  useEffect(() => setHydrated(true), []);

  useEffect(() => {
    const element = ref.current;
    if (!element || !stepChanged.current) return;
    stepChanged.current = false;
    if (reportAfterStep.current) {
      reportAfterStep.current = false;
      element.reportValidity();
      return;
    }
    element.querySelector<HTMLElement>(`[data-card="${step}"] summary`)?.focus();
  }, [step]);

  const goTo = (next: number) => {
    stepChanged.current = true;
    setStep(Math.min(Math.max(next, 0), cards.length - 1));
  };
  const count = (element: HTMLFormElement) => {
    const data = new FormData(element);
    const skippedNow = new Set(
      [...data.keys()].filter((key) => key.startsWith('skip.')).map((key) => key.slice(5)),
    );
    setSkipped(skippedNow);
    setAnswered(
      form.questions.filter(
        (question) =>
          (question.providerDepartmentId && skippedNow.has(question.providerDepartmentId)) ||
          data.getAll(`q.${question.key}`).some((value) => value !== ''),
      ).length,
    );
    return data;
  };

  // Restore a draft kept on this device, once, after hydration.
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    if (draftKey === null) {
      count(element);
      return;
    }
    try {
      const saved: unknown = JSON.parse(window.localStorage.getItem(draftKey) ?? 'null');
      if (Array.isArray(saved)) {
        for (const entry of saved) {
          if (!Array.isArray(entry) || typeof entry[0] !== 'string' || typeof entry[1] !== 'string')
            continue;
          const [name, value] = entry as [string, string];
          for (const field of element.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>(
            'input, textarea',
          )) {
            if (field.name !== name) continue;
            if (
              field instanceof HTMLInputElement &&
              (field.type === 'radio' || field.type === 'checkbox')
            ) {
              if (field.value === value) field.checked = true;
            } else {
              field.value = value;
            }
          }
        }
      }
    } catch {
      // A draft that cannot be read is simply not restored.
    }
    count(element);
    // Only on mount: later changes are saved by onChange.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [draftKey]);

  const save = (element: HTMLFormElement) => {
    const data = count(element);
    if (draftKey === null) return;
    const entries = [...data.entries()].filter(
      (entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1] !== '',
    );
    try {
      window.localStorage.setItem(draftKey, JSON.stringify(entries));
    } catch {
      // Private browsing or a full storage: answering still works, only without a draft.
    }
  };

  const message = (code: SubmissionErrorCode | undefined, question?: AskedView) =>
    code ? t(`errors.${code}`, { max: question?.maxLength ?? 2000 }) : null;
  const hasErrors = Object.keys(errors).length > 0;

  // With steps, a field that blocks sending may be on a hidden step, where the browser could
  // neither show nor focus its message: open that step first, then let the browser speak.
  const onSend = (event: MouseEvent<HTMLButtonElement>) => {
    const element = ref.current;
    if (!element || !stepping) return;
    const card = firstInvalidField(element)?.closest<HTMLElement>('[data-card]');
    if (!card?.hidden) return;
    event.preventDefault();
    reportAfterStep.current = true;
    goTo(Number(card.dataset.card));
  };

  return (
    <article className="answer-page" lang={form.language}>
      <h1 className="answer-title">{form.title}</h1>
      {form.intro ? <p className="answer-intro">{form.intro}</p> : null}
      <p className="answer-length">{t('length', { minutes, questions: total })}</p>
      <p className="muted">{t('anonymous')}</p>
      {hasErrors ? (
        <div className="form-error" role="alert">
          <p>{t('errorSummary')}</p>
          {errors.form || errors.language ? <p>{message(errors.form ?? errors.language)}</p> : null}
        </div>
      ) : null}
      <ProgressIndicator answered={answered} total={total} />
      <Form
        method="post"
        ref={ref}
        className="answer-form"
        onChange={(event) => save(event.currentTarget)}
      >
        <input type="hidden" name="language" value={form.language} />
        {before}
        <AnswerQuestions
          questions={form.questions}
          messageOf={(question) => message(errors[question.key], question)}
          skipped={skipped}
          stepperOf={(index) =>
            stepping
              ? {
                  current: index === step,
                  onPrevious: () => goTo(index - 1),
                  onNext: () => goTo(index + 1),
                }
              : null
          }
        />
        <p className="field-hint">{t('savedOnDevice')}</p>
        <button type="submit" className="button" disabled={busy} onClick={onSend}>
          {busy ? t('sending') : t('submit')}
        </button>
      </Form>
    </article>
  );
}

/** Forgets the draft once the answers are in. */
export function useForgetDraft(draftKey: string, stored: boolean) {
  useEffect(() => {
    if (!stored) return;
    try {
      window.localStorage.removeItem(draftKey);
    } catch {
      // Nothing to forget.
    }
  }, [draftKey, stored]);
}
