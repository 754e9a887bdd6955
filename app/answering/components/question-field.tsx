import type { AskedView } from '~/answering/asked-view';
import { questionTypeOf } from '~/question-types/registry';

interface QuestionFieldProps {
  question: AskedView;
  /** The message to show beside the question, already in the reader's language. */
  error: string | null;
  /** Skipped ("I did not use this service"): no longer required. */
  skipped: boolean;
}

/** One answer slot, drawn with its type's input (fieldset and legend per question). */
export function QuestionField({ question, error, skipped }: QuestionFieldProps) {
  const { AnswerInput } = questionTypeOf(question.type);
  const frame = {
    name: `q.${question.key}`,
    legend: question.text,
    required: question.required && !skipped,
    error,
  };
  return <AnswerInput frame={frame} question={question} />;
}
