import type { QuestionType } from '../../models/vocabulary';

// What an invitation and the page promise about length must be what the page asks: a 28-question
// internal-service pulse is not "about a minute". Seconds per question are deliberately generous
// for reading, and a comment takes longest.
const secondsPer: Record<QuestionType, number> = {
  scale: 10,
  nps: 10,
  single: 12,
  multi: 15,
  text: 45,
};

/** Whole minutes, rounded up, never below one, for the slots a respondent is asked. */
export function estimatedMinutes(types: readonly QuestionType[]): number {
  const seconds = types.reduce((sum, type) => sum + secondsPer[type], 0);
  return Math.max(1, Math.ceil(seconds / 60));
}
