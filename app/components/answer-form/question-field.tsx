import type { AskedView } from '~/answering/asked-view';
import { ChoiceQuestion } from '~/components/answering/choice-question';
import { CommentQuestion } from '~/components/answering/comment-question';
import { NpsQuestion } from '~/components/answering/nps-question';
import { ScaleQuestion } from '~/components/answering/scale-question';

interface QuestionFieldProps {
  question: AskedView;
  /** The message to show beside the question, already in the reader's language. */
  error: string | null;
  /** Skipped ("I did not use this service"): no longer required. */
  skipped: boolean;
}

/** One answer slot, drawn with the answering components (fieldset and legend per question). */
export function QuestionField({ question, error, skipped }: QuestionFieldProps) {
  const frame = {
    name: `q.${question.key}`,
    legend: question.text,
    required: question.required && !skipped,
    error,
  };
  switch (question.type) {
    case 'scale':
      return <ScaleQuestion {...frame} />;
    case 'nps':
      return <NpsQuestion {...frame} />;
    case 'single':
    case 'multi':
      return (
        <ChoiceQuestion
          {...frame}
          multiple={question.type === 'multi'}
          choices={question.choices.map((choice) => ({ value: choice.id, label: choice.label }))}
        />
      );
    case 'text':
      return <CommentQuestion {...frame} maxLength={question.maxLength ?? 2000} />;
  }
}
