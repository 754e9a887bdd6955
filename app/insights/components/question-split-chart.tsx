import { useTranslation } from 'react-i18next';
import { Bar, CartesianGrid, LabelList, Legend, Tooltip, XAxis, YAxis } from 'recharts';

import type { RaiseLink } from '~/insights/action-links';
import { tableOfQuestionSplits } from '~/insights/tables';
import type { QuestionSplit } from '~/insights/types';

import { BarsFrame } from './chart-frame';
import { ChartViews } from './chart-views';
import { DataTable } from './data-table';
import { EmptyGroupsNote, NoAnswers, WithheldNote } from './group-notes';
import { RaiseFromTableNote, rowActionsOf } from './raise-action-link';
import { splitColours } from './scales';
import { shortLabel } from './short-label';
import { useInsightFormat, useTableWords } from './use-insight-words';

const BAR_ROW = 40;
const AXIS_ROOM = 72;
// A percentage label needs about this share of the bar to fit inside its segment.
const LABEL_ROOM = 8;

const parts = ['favourable', 'neutral', 'unfavourable'] as const;

/** Favourable / neutral / unfavourable per question, as horizontal stacked bars. */
export function QuestionSplitChart({
  questions,
  actionLinkOf,
}: {
  questions: QuestionSplit[];
  /** The "Raise an action" control of a question's table row, where the user may raise one. */
  actionLinkOf?: (question: QuestionSplit) => RaiseLink | null;
}) {
  const { t } = useTranslation('insights');
  const format = useInsightFormat();
  const words = useTableWords();
  const partName = {
    favourable: t('split.favourable'),
    neutral: t('split.neutral'),
    unfavourable: t('split.unfavourable'),
  };
  const percent = (value: number) => t('figure.percent', { value: format.value('percent', value) });
  const withheld = questions.filter((question) => question.split.state === 'withheld');
  const empty = questions.filter((question) => question.split.state === 'empty');
  const plotted = questions.flatMap(({ questionId, split }) =>
    split.state === 'shown'
      ? [
          {
            id: questionId,
            favourable: split.favourable,
            neutral: split.neutral,
            unfavourable: split.unfavourable,
          },
        ]
      : [],
  );
  if (plotted.length === 0 && withheld.length === 0) return <NoAnswers />;

  const rowActions = rowActionsOf(questions.map((question) => actionLinkOf?.(question) ?? null));
  const questionOf = (id: unknown) => questions.find((question) => question.questionId === id);
  const height = AXIS_ROOM + BAR_ROW * plotted.length;
  const chart = (
    <BarsFrame
      rows={plotted}
      height={height}
      layout="vertical"
      margin={{ top: 8, right: 24, bottom: 8, left: 8 }}
    >
      <CartesianGrid horizontal={false} />
      <XAxis
        type="number"
        domain={[0, 100]}
        ticks={[0, 25, 50, 75, 100]}
        tickFormatter={(value: number) => percent(value)}
        allowDataOverflow
      />
      <YAxis
        type="category"
        dataKey="id"
        width={220}
        tickFormatter={(id) => shortLabel(questionOf(id)?.text ?? '', 34)}
      />
      <Tooltip
        cursor={{ fill: 'var(--color-accent-soft)' }}
        content={({ active, label }) => {
          const question = questionOf(label);
          if (!active || !question || question.split.state !== 'shown') return null;
          const { split } = question;
          return (
            <div className="chart-tooltip">
              <p className="chart-tooltip-title">{question.text}</p>
              <ul>
                {parts.map((part) => (
                  <li key={part}>
                    <span
                      className="chart-tooltip-key"
                      style={{ background: splitColours[part] }}
                    />
                    {partName[part]}: {percent(split[part])}
                  </li>
                ))}
                <li>{t('figure.n', { n: format.count(split.n) })}</li>
              </ul>
            </div>
          );
        }}
      />
      <Legend />
      {parts.map((part) => (
        <Bar
          key={part}
          dataKey={part}
          name={partName[part]}
          stackId="split"
          fill={splitColours[part]}
          isAnimationActive={false}
        >
          <LabelList
            dataKey={part}
            position="center"
            className="chart-label-inside"
            fill="#ffffff"
            formatter={(value: number) => (value >= LABEL_ROOM ? percent(value) : '')}
          />
        </Bar>
      ))}
    </BarsFrame>
  );

  return (
    <ChartViews
      chart={chart}
      table={
        <DataTable table={tableOfQuestionSplits(questions, words)} renderRowAction={rowActions} />
      }
    >
      <RaiseFromTableNote show={rowActions !== undefined} />
      {withheld.length > 0 ? <WithheldNote>{t('split.withheld')}</WithheldNote> : null}
      {empty.length > 0 ? (
        <EmptyGroupsNote groups={empty.map((question) => shortLabel(question.text, 60))} />
      ) : null}
    </ChartViews>
  );
}
