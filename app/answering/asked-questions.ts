import type { Question } from '../surveys/survey-schema';

/**
 * One answer slot of a cycle: a question, and for an internal-service question the department it
 * rates. `key` names the slot in forms and error messages: `<questionId>` or
 * `<questionId>.<providerDepartmentId>`.
 */
export interface AskedQuestion {
  key: string;
  question: Question;
  providerDepartmentId: string | null;
}

export const slotKey = (questionId: string, providerDepartmentId: string | null) =>
  providerDepartmentId ? `${questionId}.${providerDepartmentId}` : questionId;

/**
 * The slots a cycle asks, in the survey's order: the cycle's questions, each internal-service
 * question once per provider department, grouped by department where the first such question
 * stands (as the designer's preview shows them).
 */
export function askedQuestions(
  questions: readonly Question[],
  cycle: { questionIds: readonly string[]; providerDepartmentIds: readonly string[] },
): AskedQuestion[] {
  const asked = new Set(cycle.questionIds);
  const inCycle = questions.filter((question) => asked.has(question.id));
  const service = inCycle.filter((question) => question.internalService);
  const slots: AskedQuestion[] = [];
  for (const question of inCycle) {
    if (!question.internalService) {
      slots.push({ key: slotKey(question.id, null), question, providerDepartmentId: null });
    } else if (question === service[0]) {
      for (const provider of cycle.providerDepartmentIds) {
        for (const each of service) {
          slots.push({
            key: slotKey(each.id, provider),
            question: each,
            providerDepartmentId: provider,
          });
        }
      }
    }
  }
  return slots;
}
