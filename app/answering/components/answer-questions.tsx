import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';

import type { AskedView } from '~/answering/asked-view';

import { ProviderCard, type ProviderCardProps } from './provider-card';
import { QuestionField } from './question-field';

type Group = { providerId: string | null; providerName: string | null; questions: AskedView[] };

/** Consecutive questions about the same provider department form one group. */
export function groupsOf(questions: readonly AskedView[]): Group[] {
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
 * The questions of the answer page, in order: each question on its own, each rated department's
 * questions as a card. The answer page and the designer's preview both draw them, so the preview
 * shows exactly what employees answer.
 */
export function AnswerQuestions({
  questions,
  messageOf,
  skipped,
  stepperOf,
}: {
  questions: readonly AskedView[];
  /** The message beside each question, already in the reader's language. */
  messageOf: (question: AskedView) => string | null;
  /** The departments marked "I did not use this service". */
  skipped: ReadonlySet<string>;
  /** The step buttons of card `index` of `total`, or null to show every card. */
  stepperOf: (index: number, total: number) => ProviderCardProps['stepper'];
}) {
  const { t } = useTranslation('answering');
  const groups = groupsOf(questions);
  const total = groups.filter((group) => group.providerId !== null).length;
  let cardIndex = 0;
  return groups.map((group) => {
    if (group.providerId === null) {
      return group.questions.map((question) => (
        <QuestionField
          key={question.key}
          question={question}
          error={messageOf(question)}
          skipped={false}
        />
      ));
    }
    const index = cardIndex++;
    return (
      <Fragment key={`provider-${group.providerId}`}>
        {index === 0 && total > 1 ? (
          <p className="steps-intro">{t('steps.intro', { total })}</p>
        ) : null}
        <ProviderCard
          index={index}
          total={total}
          providerId={group.providerId}
          providerName={group.providerName}
          questions={group.questions}
          messageOf={messageOf}
          skipped={skipped.has(group.providerId)}
          stepper={stepperOf(index, total)}
        />
      </Fragment>
    );
  });
}
