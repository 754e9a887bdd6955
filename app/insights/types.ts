// The shapes insight loaders return and insight charts, tables and CSV exports read. Every number
// a leader sees has passed through the suppression function (suppression.ts) before it takes one
// of these shapes, so a withheld group carries no number at all — not even its n.

/** A figure for one group: shown with its n, withheld to protect anonymity, or no answers. */
export type Figure =
  | {
      state: 'shown';
      /** Answers behind the value (for a group of questions: the fewest people it can be). */
      n: number;
      /** Mean score (1–5), eNPS (−100…100) or a percentage, as the chart says. */
      value: number;
      /** Change since the previous cycle with its 95% interval, where both are shown. */
      change?: Change | null;
    }
  | { state: 'withheld' }
  | { state: 'empty' };

export interface Change {
  delta: number;
  low: number;
  high: number;
  /** True only when the 95% interval excludes zero. */
  significant: boolean;
}

/** Favourable / neutral / unfavourable shares of one question's answers, in percent. */
export type Split =
  | { state: 'shown'; n: number; favourable: number; neutral: number; unfavourable: number }
  | { state: 'withheld' }
  | { state: 'empty' };

/** A head count that is withheld below the threshold (answered people, never invited ones). */
export type Count = { state: 'shown'; value: number } | { state: 'withheld' };

export interface CycleRef {
  id: string;
  number: number;
  /** The local date the cycle opened, YYYY-MM-DD: cycles are never dated finer than this. */
  opensOn: string;
}

export interface DepartmentRef {
  id: string;
  name: string;
}

/** Where an action item was completed, for the markers on trend charts (the actions issue). */
export interface TrendMarker {
  cycleId: string;
  label: string;
}

/** Satisfaction by department (bar chart). */
export interface DepartmentBar {
  department: DepartmentRef;
  figure: Figure;
}

/** Lines over cycles: one point per cycle of `cycles`, in the same order. */
export interface Trend {
  cycles: CycleRef[];
  series: { key: string; label: string; points: Figure[] }[];
  markers: TrendMarker[];
}

/** The favourable / neutral / unfavourable split per question (stacked bar). */
export interface QuestionSplit {
  questionId: string;
  text: string;
  driver: string | null;
  split: Split;
}

/** Participation per cycle and department. */
export interface ParticipationRow {
  department: DepartmentRef;
  /** One per cycle of `cycles`, in the same order. */
  cells: { invited: number; answered: Count; rate: Count }[];
}
export interface Participation {
  cycles: CycleRef[];
  rows: ParticipationRow[];
  total: { invited: number; answered: Count; rate: Count }[];
}

/**
 * A heatmap cell or total: a figure, or null where the viewer's scope does not hold it (a leader
 * sees the matrix cells of their departments, and the totals of their own lines only).
 */
export type HeatFigure = Figure | null;

/** A heatmap: the internal-customer matrix (answering × rated) or departments × drivers. */
export interface Heatmap {
  rows: DepartmentRef[];
  columns: { id: string; name: string }[];
  /** cells[row][column]. */
  cells: HeatFigure[][];
  /**
   * Each column over every row of the organisation (a provider's score from all its internal
   * customers), not only the rows shown.
   */
  columnTotals: HeatFigure[];
  /** Each row over every column of the organisation. */
  rowTotals: HeatFigure[];
}

/** The filters every insight page reads from its URL, so a view can be bookmarked. */
export interface InsightFilters {
  surveyId: string;
  /** Cycle numbers, inclusive; the loader fills in the latest twelve when absent. */
  fromCycle: number;
  toCycle: number;
  departmentId: string | null;
}

/**
 * Where the user may raise an action from a view (the actions issue): the survey, the cycle a
 * raised action takes its baseline from — the latest in range — and the departments they may
 * raise one for. Null when the view has no cycle to raise it from.
 */
export interface ActionAccess {
  surveyId: string;
  cycleId: string;
  /** Departments, answering or rated; null: every one and company-wide too (HR admins). */
  scope: string[] | null;
}

export interface SurveyChoice {
  id: string;
  title: string;
}

/** What every insight tab shows around its figures: the range, its surveys and cycles. */
export interface InsightRangeView {
  filters: InsightFilters;
  /** The surveys the page can switch to. */
  surveys: SurveyChoice[];
  cycles: CycleRef[];
  /** An opened cycle of the range whose results appear once it has closed and settled. */
  pending: CycleRef | null;
  threshold: number;
  latest: CycleRef | null;
}

export interface OverviewView extends InsightRangeView {
  departments: DepartmentRef[];
  /** Mean score (1–5) of the latest cycle's scale questions, with the change since the previous. */
  score: Figure;
  /** eNPS of the latest cycle (null when the survey asks no NPS question). */
  enps: Figure | null;
  /**
   * For a survey of internal-service questions only, which has no score of its own: each rated
   * department's score from all its internal customers, in the latest cycle. Its `byDepartment`
   * is then each answering department's rating of the services, and its trend the rated
   * departments' scores.
   */
  services: { providers: DepartmentBar[] } | null;
  byDepartment: DepartmentBar[];
  trend: Trend;
  enpsTrend: Trend | null;
  questions: QuestionSplit[];
  participation: Participation;
  actions: ActionAccess | null;
}

/** The internal-customer matrix: answering × rated departments of the latest cycle in range. */
export interface MatrixView extends InsightRangeView {
  heatmap: Heatmap;
  /** Whether the survey asks internal-service questions, which the matrix is made of. */
  hasMatrix: boolean;
  /** The chosen cell (answering department, rated department) and its trend, if one is chosen. */
  cell: { row: DepartmentRef; column: DepartmentRef } | null;
  cellTrend: Trend | null;
  actions: ActionAccess | null;
}

/** Departments × drivers of the latest cycle in range, and a chosen driver's trend. */
export interface DriversView extends InsightRangeView {
  heatmap: Heatmap;
  driver: string | null;
  /** The chosen driver overall and for each department, over the cycles. */
  driverTrend: Trend | null;
  actions: ActionAccess | null;
}

/** One department as the answering department and as the department being rated. */
export interface DepartmentView extends InsightRangeView {
  department: DepartmentRef;
  answering: {
    score: Figure;
    enps: Figure | null;
    /** Score (and eNPS) of the department over the cycles. */
    trend: Trend;
    questions: QuestionSplit[];
    drivers: { driver: string; figure: Figure }[];
    participation: Participation;
  };
  /** Null when no internal customer rated the department in range. */
  rated: {
    score: Figure;
    byCustomer: DepartmentBar[];
    trend: Trend;
  } | null;
  actions: ActionAccess | null;
}
