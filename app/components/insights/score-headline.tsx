import type { RaiseLink } from '~/insights/action-links';
import { formatValue, type Measure, roundFor } from '~/insights/tables';
import type { Change, CycleRef, Figure } from '~/insights/types';

import { WithheldNote } from './group-notes';
import { RaiseActionLink } from './raise-action-link';

/** The latest cycle's score and eNPS, each with its n and the change since the cycle before. */
export function ScoreHeadline({
  score,
  enps,
  latest = null,
  actions = {},
}: {
  score: Figure;
  enps: Figure | null;
  latest?: CycleRef | null;
  /** "Raise an action" on each figure, where the user may raise one. */
  actions?: { score?: RaiseLink | null; enps?: RaiseLink | null };
}) {
  const withheld = score.state === 'withheld' || enps?.state === 'withheld';
  return (
    <div className="score-headline">
      {latest ? (
        <p className="muted">
          Cycle {latest.number}, opened {latest.opensOn}
        </p>
      ) : null}
      <dl className="headline-figures">
        <HeadlineFigure
          label="Score"
          figure={score}
          measure="score"
          scale="out of 5"
          action={actions.score}
        />
        {enps ? (
          <HeadlineFigure label="eNPS" figure={enps} measure="enps" action={actions.enps} />
        ) : null}
      </dl>
      {withheld ? <WithheldNote /> : null}
    </div>
  );
}

function HeadlineFigure({
  label,
  figure,
  measure,
  scale,
  action,
}: {
  label: string;
  figure: Figure;
  measure: Measure;
  scale?: string;
  action?: RaiseLink | null;
}) {
  return (
    <div className="headline-figure">
      <dt>{label}</dt>
      <dd>
        {figure.state === 'shown' ? (
          <>
            <span className="headline-value">{formatValue(measure, figure.value)}</span>
            {scale ? <span className="muted"> {scale}</span> : null}
            <span className="headline-n">n = {figure.n}</span>
            {figure.change ? <ChangeSince change={figure.change} measure={measure} /> : null}
          </>
        ) : (
          <span className="headline-value headline-missing">
            {figure.state === 'withheld' ? 'withheld' : 'No answers yet'}
          </span>
        )}
      </dd>
      {action ? (
        <dd className="headline-action">
          <RaiseActionLink link={action} />
        </dd>
      ) : null}
    </div>
  );
}

/**
 * The change since the previous cycle. It is called significant only when its 95% interval
 * excludes zero (the loader decides); the interval itself is there for anyone who asks.
 */
function ChangeSince({ change, measure }: { change: Change; measure: Measure }) {
  const delta = roundFor(measure, change.delta);
  const interval = `95% interval ${formatValue(measure, change.low)} to ${formatValue(measure, change.high)}`;
  const direction = delta > 0 ? 'up' : delta < 0 ? 'down' : 'flat';
  return (
    <span className={`headline-change headline-change-${direction}`} title={interval}>
      {direction === 'flat' ? (
        'No change since the previous cycle'
      ) : (
        <>
          <span aria-hidden="true">{direction === 'up' ? '↑' : '↓'}</span>
          <span className="visually-hidden">{direction === 'up' ? 'Up' : 'Down'}</span>{' '}
          {formatValue(measure, Math.abs(delta))} since the previous cycle
        </>
      )}
      <span className="visually-hidden"> ({interval})</span>
      {change.significant ? <span className="badge-significant">significant</span> : null}
    </span>
  );
}
