import {
  type ActionFunctionArgs,
  type HeadersFunction,
  json,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node';
import { type ShouldRevalidateFunction, useActionData, useLoaderData } from '@remix-run/react';

import { AnswerForm, useForgetDraft } from '~/answering/components/answer-form';
import { AlreadyAnswered } from '~/answering/components/status/already-answered';
import { CycleClosed } from '~/answering/components/status/cycle-closed';
import { LinkNotFound } from '~/answering/components/status/link-not-found';
import { ThankYou } from '~/answering/components/status/thank-you';
import { draftKeyFor } from '~/answering/draft-key.server';
import { answerFormOf, languageFor, resolveLink } from '~/answering/invite-link.server';
import { answeredOnThisBrowser, submitThroughLink } from '~/answering/link-owner.server';
import { errorCodeOf, submissionFromForm } from '~/answering/submission-schema';
import { boardKeyOf } from '~/board/board-keys.server';
import { isLanguageCode } from '~/i18n';
import { resolveEmployeeLanguage } from '~/i18n.server';
import { readForm } from '~/utils/form.server';

export const handle = { i18n: ['answering', 'status'] };

export const meta: MetaFunction = () => [
  { title: 'Innerloop' },
  { name: 'robots', content: 'noindex' },
];

// A link is a capability: never cached, never sent on as a referrer.
const privateHeaders = { 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer' };
export const headers: HeadersFunction = () => privateHeaders;

export async function loader({ params, request }: LoaderFunctionArgs) {
  const token = params.token ?? '';
  const resolved = await resolveLink(token);
  // The page speaks the language asked for in the address, else the switcher's choice, else the
  // person's preference from the invite, else the browser's; survey texts fall back to the
  // survey's default language where they lack it.
  const wanted = new URL(request.url).searchParams.get('lang');
  const locale = isLanguageCode(wanted)
    ? wanted
    : await resolveEmployeeLanguage(request, {
        preferred: resolved.status === 'unknown' ? null : resolved.language,
      });
  if (resolved.status === 'unknown') {
    return json(
      { locale, outcome: resolved, draftKey: '' },
      { status: 404, headers: privateHeaders },
    );
  }
  if (resolved.status !== 'open') {
    return json({ locale, outcome: resolved, draftKey: '' }, { headers: privateHeaders });
  }
  // Only the browser that answered through this link learns that it was answered; anyone else
  // sees the questions either way (link-owner.server.ts).
  if (await answeredOnThisBrowser(request, resolved.invite._id)) {
    return json(
      { locale, outcome: { status: 'answered' as const }, draftKey: '' },
      { headers: privateHeaders },
    );
  }
  const form = await answerFormOf(resolved.open, languageFor(resolved.open.definition, locale));
  return json(
    {
      locale,
      offeredLanguages: form.languages,
      outcome: { status: 'open' as const, form },
      draftKey: draftKeyFor(token),
    },
    { headers: privateHeaders },
  );
}

export async function action({ params, request }: ActionFunctionArgs) {
  const token = params.token ?? '';
  const resolved = await resolveLink(token, new Date(), { forSubmission: true });
  const form = await readForm(request);
  const payload =
    resolved.status === 'open'
      ? submissionFromForm(form, resolved.open.asked, resolved.language)
      : null;
  const outcome = await submitThroughLink(resolved, request, payload);
  if (outcome.status === 'invalid') {
    const errors = Object.fromEntries(
      Object.entries(outcome.errors).map(([key, messages]) => [
        key,
        errorCodeOf(messages?.[0] ?? ''),
      ]),
    );
    return json({ status: 'invalid' as const, errors }, { status: 400, headers: privateHeaders });
  }
  if (outcome.status === 'stored') {
    // The thank-you page links to the board of the department the person answered for.
    const boardKey =
      resolved.status === 'open' ? await boardKeyOf(resolved.invite.departmentId) : null;
    return json(
      { status: 'stored' as const, receiptCode: outcome.receiptCode, boardKey },
      { headers: { ...privateHeaders, 'Set-Cookie': outcome.setCookie } },
    );
  }
  return json(outcome, {
    status: outcome.status === 'unknown' ? 404 : 200,
    headers: privateHeaders,
  });
}

/**
 * After answers are posted, the page shows what the action returned (thanks, "already answered",
 * closed, or the refused fields over the form it has): reading the link again would only cost
 * the server a second look-up per respondent, so a posted answer revalidates nothing.
 */
export const shouldRevalidate: ShouldRevalidateFunction = ({
  formMethod,
  formAction,
  currentUrl,
  defaultShouldRevalidate,
}) => {
  const posted = formAction ? new URL(formAction, currentUrl).pathname : null;
  if (formMethod?.toUpperCase() === 'POST' && posted === currentUrl.pathname) return false;
  return defaultShouldRevalidate;
};

export default function AnswerPage() {
  const { outcome, draftKey } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  useForgetDraft(draftKey, result?.status === 'stored' || result?.status === 'answered');

  if (result?.status === 'stored') {
    return <ThankYou receiptCode={result.receiptCode} boardKey={result.boardKey} countedOnce />;
  }
  if (result?.status === 'answered' || outcome.status === 'answered') return <AlreadyAnswered />;
  if (result?.status === 'closed') return <CycleClosed />;
  if (outcome.status === 'closed') {
    return <CycleClosed nextOpensAt={outcome.nextOpensAt} timeZone={outcome.timeZone} />;
  }
  if (outcome.status !== 'open' || result?.status === 'unknown') return <LinkNotFound />;
  return (
    <AnswerForm
      form={outcome.form}
      draftKey={draftKey}
      errors={result?.status === 'invalid' ? result.errors : {}}
    />
  );
}
