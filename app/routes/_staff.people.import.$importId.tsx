import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import {
  useActionData,
  useFetcher,
  useLoaderData,
  useLocation,
  useNavigation,
  useRevalidator,
} from '@remix-run/react';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

import { FormAlert } from '~/components/ui/form-alert';
import { pageTitle } from '~/i18n';
import { ImportPreview } from '~/people/components/import-preview';
import { ImportProgress, ImportResult } from '~/people/components/import-progress';
import {
  confirmRosterImport,
  discardRosterImport,
  getRosterImport,
  setCreateDepartments,
  undoStalledImport,
} from '~/people/roster-import.server';
import { importIntentSchema, previewQuerySchema } from '~/people/schemas';
import { parseForm, refuseForm } from '~/utils/form.server';
import { notFound, requireHrAdmin } from '~/utils/permissions.server';

export const meta: MetaFunction = ({ matches }) => [
  { title: pageTitle(matches, 'people:import.viewTitle', 'people:title') },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireHrAdmin(request);
  const query = previewQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const view = await getRosterImport(params.importId ?? '', query);
  if (!view) throw notFound();
  return json(view);
}

export async function action({ request, params }: ActionFunctionArgs) {
  await requireHrAdmin(request);
  const importId = params.importId ?? '';
  const form = await parseForm(request, importIntentSchema);
  if (!form.ok) return refuseForm(form);
  const here = new URL(request.url).pathname;
  switch (form.data.intent) {
    case 'options': {
      if (!(await setCreateDepartments(importId, form.data.createDepartments))) {
        throw notFound();
      }
      return redirect(here);
    }
    case 'undo': {
      // Only an import whose applier stopped can be undone from here; otherwise nothing happens.
      await undoStalledImport(importId);
      return redirect(here);
    }
    case 'discard': {
      await discardRosterImport(importId);
      return redirect('/people/import');
    }
    case 'confirm': {
      // The import goes on in the background; this page follows its progress.
      const started = await confirmRosterImport(importId);
      if (!started.ok) {
        return refuseForm({ errors: { form: [started.error] }, values: form.values }, 409);
      }
      return redirect(here);
    }
  }
}

/**
 * While the import applies, polls this route's own loader (not the whole page) for its
 * progress, and reloads the page once it has ended.
 */
function useLiveImport() {
  const view = useLoaderData<typeof loader>();
  const { load, state, data } = useFetcher<typeof loader>();
  const { revalidate } = useRevalidator();
  const { pathname } = useLocation();
  const applying = view.status === 'applying';
  const ended = data !== undefined && data.status !== 'applying';
  useEffect(() => {
    if (!applying) return;
    if (ended) {
      revalidate();
      return;
    }
    if (state !== 'idle') return;
    const timer = setTimeout(() => load(pathname), 500);
    return () => clearTimeout(timer);
  }, [applying, ended, state, load, pathname, revalidate]);
  return applying && data?.status === 'applying' ? data : view;
}

export default function RosterImport() {
  const view = useLiveImport();
  const failure = useActionData<typeof action>();
  const submitting = useNavigation().state === 'submitting';
  const { t } = useTranslation('people');
  return (
    <>
      <h2>{t('import.heading', { fileName: view.fileName })}</h2>
      <FormAlert message={failure?.errors.form?.[0]} />
      {view.status === 'draft' && view.preview ? (
        <ImportPreview
          preview={view.preview}
          createDepartments={view.createDepartments}
          submitting={submitting}
        />
      ) : view.status === 'applying' ? (
        <ImportProgress progress={view.progress} stalled={view.stalled} submitting={submitting} />
      ) : (
        <ImportResult status={view.status} summary={view.summary} error={view.error} />
      )}
    </>
  );
}
