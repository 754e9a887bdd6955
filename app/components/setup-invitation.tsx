import { Link } from '@remix-run/react';

/** Shown on the public pages while the installation has no HR admin, so nobody is stuck there. */
export function SetupInvitation() {
  return (
    <aside className="setup-invitation" aria-labelledby="setup-invitation-title">
      <h2 id="setup-invitation-title">New installation</h2>
      <p>
        Innerloop has no HR admin yet, so nobody can sign in. Whoever installs it creates the first
        HR admin at <code>/setup</code>; the page closes once that is done.
      </p>
      <p>
        <Link to="/setup" className="button">
          Set up Innerloop
        </Link>
      </p>
    </aside>
  );
}
