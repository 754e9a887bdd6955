import { notFound } from '~/utils/permissions.server';

// Any address no other route claims: a 404 inside the public shell, with the right status.
export function loader() {
  throw notFound();
}

export default function NotFound() {
  return null;
}
