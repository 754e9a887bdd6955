import type { MetaFunction } from '@remix-run/node';

export const meta: MetaFunction = () => [{ title: 'Insights · Innerloop' }];

// Placeholder until the insights issue lands; it keeps the navigation honest meanwhile.
export default function InsightsPage() {
  return (
    <section aria-labelledby="page-title">
      <h1 id="page-title">Insights</h1>
      <p>Satisfaction by department, by the department that serves them, and over time.</p>
      <p className="muted">This area is being built.</p>
    </section>
  );
}
