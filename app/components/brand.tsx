import { Link } from '@remix-run/react';

/** The product name as a home link, the same in every shell. */
export function Brand({ to = '/' }: { to?: string }) {
  return (
    <Link to={to} className="brand">
      <span className="brand-mark" aria-hidden="true">
        ◎
      </span>
      Innerloop
    </Link>
  );
}
