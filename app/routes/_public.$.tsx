// Any address no other route claims: a 404 inside the public shell, with the right status.
export function loader() {
  throw new Response('Not found', { status: 404 });
}

export default function NotFound() {
  return null;
}
