import { Link } from '@remix-run/react';

export interface ChecklistItem {
  step: 'people' | 'services' | 'survey' | 'start' | 'send';
  done: boolean;
  to: string;
  detail: string;
}

const labels: Record<ChecklistItem['step'], string> = {
  people: 'Import your people',
  services: 'Mark the departments that serve others',
  survey: 'Create a survey',
  start: 'Start it',
  send: 'Send the first invitations',
};

/** The first steps of a new organisation, each ticked from the data and linked to its page. */
export function FirstRunChecklist({ items }: { items: ChecklistItem[] }) {
  const done = items.filter((item) => item.done).length;
  return (
    <section className="first-run" aria-labelledby="first-run-title">
      <h2 id="first-run-title">Getting started</h2>
      <p className="field-hint">
        {`${done} of ${items.length} done. Each step ticks itself once it is done.`}
      </p>
      <ol className="first-run-list">
        {items.map((item) => (
          <li key={item.step} className={item.done ? 'first-run-done' : undefined}>
            <span className="first-run-mark" aria-hidden="true">
              {item.done ? '✓' : '○'}
            </span>
            <span>
              <Link to={item.to}>{labels[item.step]}</Link>
              <span className="visually-hidden">{item.done ? ' (done)' : ' (to do)'}</span>
              <span className="first-run-detail">{item.detail}</span>
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}
