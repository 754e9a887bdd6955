import type { MetaFunction } from '@remix-run/node';

export const meta: MetaFunction = () => [{ title: 'Actions · Innerloop' }];

// Placeholder until the actions issue lands; it keeps the navigation honest meanwhile.
export default function ActionsPage() {
  return (
    <section aria-labelledby="page-title">
      <h1 id="page-title">Actions</h1>
      <p>Action items raised from results, owned and tracked to done.</p>
      <p className="muted">This area is being built.</p>
    </section>
  );
}
