import type { CycleRef, DepartmentRef, SurveyChoice } from './types';

// What the comment page reads. A comment carries nothing finer than its cycle and department: no
// response id, no day, no position in time, no language; its `ref` is an opaque handle for
// replying (comment-ref.server.ts).

export interface CommentReplyView {
  text: string;
  authorName: string;
  /** YYYY-MM-DD: the day the leader replied. */
  day: string;
}

/** What a comment answers, for raising an action on it (app/insights/action-links.ts). */
export interface CommentSource {
  cycleId: string;
  questionId: string;
  /** The respondent's department. */
  departmentId: string;
  /** The rated department of an internal-service question. */
  providerDepartmentId: string | null;
}

export interface InsightComment {
  ref: string;
  text: string;
  questionText: string;
  cycleNumber: number;
  departmentName: string;
  replies: CommentReplyView[];
  /**
   * Set where the user may raise an action on the comment (action-sources.server.ts); the ids
   * name no more than the cycle, question and department the comment already shows.
   */
  source?: CommentSource;
}

export interface CommentFilters {
  surveyId: string;
  fromCycle: number;
  toCycle: number;
  questionId: string | null;
  departmentId: string | null;
  /** Words the comment texts are searched for, case-insensitively; empty for all. */
  search: string;
  page: number;
}

export interface CommentsView {
  surveys: SurveyChoice[];
  /** Null when there is no survey to show comments of yet. */
  filters: CommentFilters | null;
  /** Closed cycles of the survey, the ones comments are shown for. */
  cycles: CycleRef[];
  questions: { id: string; text: string }[];
  departments: DepartmentRef[];
  threshold: number;
  /** Filters that were left out because they made no sense, in plain words. */
  notes: string[];
  comments: InsightComment[];
  /** (cycle, department) groups of the filter whose comments are withheld; no counts per group. */
  withheldGroups: number;
  total: number;
  page: number;
  pageCount: number;
}
