import type { MetaFunction } from '@remix-run/node';
import { Link } from '@remix-run/react';

export const meta: MetaFunction = () => [
  { title: 'Innerloop — pulse surveys for internal customers' },
];

export default function Home() {
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
    </section>
  );
}
