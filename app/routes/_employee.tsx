import { json, type LinksFunction, type LoaderFunctionArgs } from '@remix-run/node';
import { Outlet, type ShouldRevalidateFunction } from '@remix-run/react';

import { EmployeeError } from '~/answering/components/status/employee-error';
import { EmployeeShell } from '~/components/employee-shell';
import { useErrorStatus } from '~/components/error-page';
import { resolveEmployeeLanguage } from '~/i18n.server';
import answeringStyles from '~/styles/answering.css';
import employeeStyles from '~/styles/employee.css';

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: employeeStyles },
  { rel: 'stylesheet', href: answeringStyles },
];

export const handle = { i18n: ['common', 'status'] };

/**
 * The language of the employee pages when nothing better is known (the switcher's cookie, the
 * browser's languages). A page that knows the person (an invite) returns its own `locale`,
 * which the document prefers, being deeper.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  return json({ locale: await resolveEmployeeLanguage(request) });
}

/**
 * Answers posted through a link change nothing this loader reads (the language comes from the
 * cookie, the person or the browser), so the answer page's post does not revalidate it; the
 * language switcher's post does.
 */
export const shouldRevalidate: ShouldRevalidateFunction = ({
  formMethod,
  formAction,
  defaultShouldRevalidate,
}) => {
  if (formMethod?.toUpperCase() === 'POST' && formAction?.startsWith('/a/')) return false;
  return defaultShouldRevalidate;
};

/** Layout of the pages employees answer on (their links live under it). */
export default function EmployeeLayout() {
  return (
    <EmployeeShell>
      <Outlet />
    </EmployeeShell>
  );
}

export function ErrorBoundary() {
  return (
    <EmployeeShell>
      <EmployeeError status={useErrorStatus()} />
    </EmployeeShell>
  );
}
