import type { FollowUp } from '~/actions/action-page.server';
import { WithheldNote } from '~/components/insights/group-notes';
import { TrendChart } from '~/components/insights/trend-chart';
import { formatValue } from '~/insights/tables';
import type { Figure } from '~/insights/types';

function FigureText({ figure, measure }: { figure: Figure; measure: 'score' | 'enps' }) {
  if (figure.state === 'withheld') return <>withheld</>;
  if (figure.state === 'empty') return <>no answers</>;
  return (
    <>
      <span className="follow-up-value">{formatValue(measure, figure.value)}</span>{' '}
      <span className="muted">n = {figure.n}</span>
    </>
  );
}

/**
 * Whether the result moved: its trend with the baseline drawn from the cycle the action was
 * raised in, the latest figure and the change with its 95% interval. The change is called
 * significant only when the interval excludes zero, and is not shown when either side is withheld.
 */
export function FollowUpPanel({ followUp }: { followUp: FollowUp }) {
  const { baseline, latest, change, unit } = followUp;
  const withheld = baseline.state === 'withheld' || latest.state === 'withheld';
  return (
    <section className="follow-up" aria-labelledby="follow-up-title">
      <h2 id="follow-up-title">Follow-up</h2>
      <dl className="follow-up-figures">
        <div>
          <dt>Baseline (when raised)</dt>
          <dd>
            <FigureText figure={baseline} measure={unit} />
          </dd>
        </div>
        <div>
          <dt>
            Latest
            {followUp.latestCycleNumber !== null ? ` (cycle ${followUp.latestCycleNumber})` : ''}
          </dt>
          <dd>
            <FigureText figure={latest} measure={unit} />
          </dd>
        </div>
        <div>
          <dt>Change since raised</dt>
          <dd>
            {change ? (
              <>
                <span className="follow-up-value">
                  {change.delta > 0 ? '+' : ''}
                  {formatValue(unit, change.delta)}
                </span>{' '}
                <span className="muted">
                  95% interval {formatValue(unit, change.low)} to {formatValue(unit, change.high)}
                </span>{' '}
                {change.significant ? (
                  <span className="badge-significant">significant</span>
                ) : (
                  <span className="muted">(could be noise)</span>
                )}
              </>
            ) : (
              <span className="muted">Not enough to compare yet</span>
            )}
          </dd>
        </div>
      </dl>
      {withheld ? <WithheldNote /> : null}
      <TrendChart trend={followUp.trend} measure={unit} />
    </section>
  );
}
