import type { MetaFunction } from '@remix-run/node';

export const meta: MetaFunction = () => [{ title: 'Settings · Innerloop' }];

// Placeholder until the settings issue lands; it keeps the navigation honest meanwhile.
export default function SettingsPage() {
  return (
    <section aria-labelledby="page-title">
      <h1 id="page-title">Settings</h1>
      <p>Anonymity threshold, languages and other organisation settings.</p>
      <p className="muted">This area is being built.</p>
    </section>
  );
}
