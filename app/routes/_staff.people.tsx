import type { MetaFunction } from '@remix-run/node';

export const meta: MetaFunction = () => [{ title: 'People · Innerloop' }];

// Placeholder until the people issue lands; it keeps the navigation honest meanwhile.
export default function PeoplePage() {
  return (
    <section aria-labelledby="page-title">
      <h1 id="page-title">People</h1>
      <p>The roster of departments and people who answer.</p>
      <p className="muted">This area is being built.</p>
    </section>
  );
}
