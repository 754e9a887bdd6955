import type { MetaFunction } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';

import { SetupInvitation } from '~/auth/components/setup-invitation';
import { setupOpen } from '~/auth/first-admin.server';

export const meta: MetaFunction = () => [
  { title: 'Innerloop — pulse surveys for internal customers' },
];

// An empty install has nobody who could sign in: the page says where the first HR admin is made.
export async function loader() {
  return json({ setupOpen: await setupOpen() });
}

export default function Home() {
  const { setupOpen } = useLoaderData<typeof loader>();
  return (
    <section className="hero" aria-labelledby="home-title">
      <h1 id="home-title">Listen to your internal customers</h1>
      <p className="lead">
        Innerloop runs short, anonymous pulse surveys in which every employee tells the departments
        that serve them — IT, HR, facilities, each other — how well they are served. Leaders see the
        results by department and over time, turn them into action items, and show everyone what
        changed.
      </p>
      <p>
        <Link to="/login" className="button">
          Staff sign in
        </Link>
      </p>
      {setupOpen ? <SetupInvitation /> : null}
    </section>
  );
}
