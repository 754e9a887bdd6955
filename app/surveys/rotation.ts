import type { Question } from './survey-schema';

// Which questions a cycle asks. Core questions every time; rotating questions take turns so a
// long question bank still makes a short pulse, yet each question is measured regularly enough
// to show a trend. Pure and deterministic: the scheduler, the answering page and the results can
// each recompute a cycle's questions and always agree.

interface Split {
  core: Question[];
  rotating: Question[];
  slots: number;
}

function split(questions: readonly Question[], maxQuestionsPerCycle: number): Split {
  if (!Number.isInteger(maxQuestionsPerCycle) || maxQuestionsPerCycle < 1) {
    throw new RangeError(
      `maxQuestionsPerCycle must be a positive integer, got ${maxQuestionsPerCycle}`,
    );
  }
  // Archived questions stay in the survey only so their history remains reportable.
  const active = questions.filter((question) => !question.archived);
  const core = active.filter((question) => question.core);
  const rotating = active.filter((question) => !question.core);
  // At least one slot even when the core questions alone fill (or exceed) the maximum: all core
  // questions are still asked, plus one rotating question, because a rotating question that is
  // never asked would silently drop out of every trend. Such a survey exceeds its maximum; the
  // designer is the place to warn about it.
  const slots = Math.max(1, maxQuestionsPerCycle - core.length);
  return { core, rotating, slots };
}

/**
 * How many cycles it takes for every rotating question to be asked at least once: any this many
 * consecutive cycles ask each of them. 1 when nothing rotates (every cycle asks everything).
 */
export function rotationPeriod(questions: readonly Question[], maxQuestionsPerCycle: number) {
  const { rotating, slots } = split(questions, maxQuestionsPerCycle);
  return Math.max(1, Math.ceil(rotating.length / slots));
}

/**
 * The ids of the questions cycle `cycleNumber` (1-based) asks, in survey order: every active
 * core question, and the rotating questions whose turn it is.
 *
 * The rotating questions form a ring; each cycle takes the next `slots` of them, continuing
 * where the previous cycle stopped. Every cycle is filled, and any `rotationPeriod` consecutive
 * cycles walk the whole ring. Adding, removing or reordering rotating questions shifts whose
 * turn it is from then on; nothing else depends on the turn, so that is harmless.
 */
export function questionsForCycle(
  questions: readonly Question[],
  cycleNumber: number,
  maxQuestionsPerCycle: number,
): string[] {
  if (!Number.isInteger(cycleNumber) || cycleNumber < 1) {
    throw new RangeError(`cycleNumber must be a positive integer, got ${cycleNumber}`);
  }
  const { core, rotating, slots } = split(questions, maxQuestionsPerCycle);
  const asked = new Set(core);
  if (rotating.length <= slots) {
    for (const question of rotating) asked.add(question);
  } else {
    const start = ((cycleNumber - 1) * slots) % rotating.length;
    for (let i = 0; i < slots; i++) asked.add(rotating[(start + i) % rotating.length]);
  }
  return questions.filter((question) => asked.has(question)).map((question) => question.id);
}
