import type { QuestionType } from '../../models/vocabulary';
import { questionTypeModules } from '../question-types/registry';

// What an invitation and the page promise about length must be what the page asks: a 28-question
// internal-service pulse is not "about a minute". Each type says how long its question takes
// (`answer.seconds`).

/** Whole minutes, rounded up, never below one, for the slots a respondent is asked. */
export function estimatedMinutes(types: readonly QuestionType[]): number {
  const seconds = types.reduce((sum, type) => sum + questionTypeModules[type].answer.seconds, 0);
  return Math.max(1, Math.ceil(seconds / 60));
}
