import type { MetaFunction } from '@remix-run/node';
import { Link } from '@remix-run/react';

export const meta: MetaFunction = () => [{ title: 'Staff sign in · Innerloop' }];

export default function Login() {
  return (
    <section className="narrow" aria-labelledby="login-title">
      <h1 id="login-title">Staff sign in</h1>
      <p>
        Sign-in for HR admins and leaders arrives soon. Employees never need a password: each pulse
        survey reaches you through a personal link.
      </p>
      <p>
        <Link to="/">Back to the home page</Link>
      </p>
    </section>
  );
}
