import { Form, useNavigation } from '@remix-run/react';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { AnswerForm as AnswerFormData, AskedView } from '~/answering/invite-link.server';
import type { SubmissionErrorCode } from '~/answering/submission-schema';
import { ProgressIndicator } from '~/components/answering/progress-indicator';

import { QuestionField } from './question-field';

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

type Group = { providerId: string | null; providerName: string | null; questions: AskedView[] };

/** Consecutive questions about the same provider department form one group. */
function groupsOf(questions: AskedView[]): Group[] {
  const groups: Group[] = [];
  for (const question of questions) {
    const last = groups.at(-1);
    if (
      last &&
      question.providerDepartmentId &&
      last.providerId === question.providerDepartmentId
    ) {
      last.questions.push(question);
    } else {
      groups.push({
        providerId: question.providerDepartmentId,
        providerName: question.providerName,
        questions: [question],
      });
    }
  }
  return groups;
}

/**
 * The answering form, mobile first: one column, big targets, a progress line, required
 * questions marked (the server decides), provider departments skippable, and answers kept on
 * the device until they are sent, so a dropped connection loses nothing.
 */
export function AnswerForm({ form, errors = {}, draftKey, before }: AnswerFormProps) {
  const { t } = useTranslation('answering');
  const ref = useRef<HTMLFormElement>(null);
  const [answered, setAnswered] = useState(0);
  const [skipped, setSkipped] = useState<Set<string>>(new Set());
  const busy = useNavigation().state === 'submitting';
  const total = form.questions.length;

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

  return (
    <article className="answer-page" lang={form.language}>
      <h1 className="answer-title">{form.title}</h1>
      {form.intro ? <p className="answer-intro">{form.intro}</p> : null}
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
        {groupsOf(form.questions).map((group) =>
          group.providerId ? (
            <fieldset key={`provider-${group.providerId}`} className="provider-group">
              <legend>{group.providerName}</legend>
              <label className="answer-option not-used">
                <input type="checkbox" name={`skip.${group.providerId}`} value="on" />
                <span>{t('notUsed')}</span>
              </label>
              {/* Disabled while skipped: nothing about this department is sent. */}
              <fieldset
                className="provider-questions"
                disabled={skipped.has(group.providerId ?? '')}
              >
                {group.questions.map((question) => (
                  <QuestionField
                    key={question.key}
                    question={question}
                    error={message(errors[question.key], question)}
                    skipped={skipped.has(group.providerId ?? '')}
                  />
                ))}
              </fieldset>
            </fieldset>
          ) : (
            group.questions.map((question) => (
              <QuestionField
                key={question.key}
                question={question}
                error={message(errors[question.key], question)}
                skipped={false}
              />
            ))
          ),
        )}
        <p className="field-hint">{t('savedOnDevice')}</p>
        <button type="submit" className="button" disabled={busy}>
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
