import type { MetaFunction } from '@remix-run/node';

export const meta: MetaFunction = () => [{ title: 'Surveys · Innerloop' }];

// Placeholder until the surveys issue lands; it keeps the navigation honest meanwhile.
export default function SurveysPage() {
  return (
    <section aria-labelledby="page-title">
      <h1 id="page-title">Surveys</h1>
      <p>Design recurring pulse surveys, their questions and schedules.</p>
      <p className="muted">This area is being built.</p>
    </section>
  );
}
