import type { LanguageCode } from '../../models/vocabulary';
import { mailWords } from '../i18n';
import { escapeHtml } from '../utils/escape-html';

// The e-mail that invites someone newly given a staff role to choose a password, in their
// language (the `mail` namespace, staffInvitation.*). Role names are quoted as labels, so no
// sentence agrees with the reader's gender; one role or both have a sentence each.

export type StaffRole = 'leader' | 'hrAdmin';

export function staffInvitationMail({
  language,
  name,
  roles,
  link,
  loginUrl,
}: {
  language: LanguageCode;
  name: string;
  roles: StaffRole[];
  link: string;
  loginUrl: string;
}): { subject: string; text: string; html: string } {
  const t = mailWords(language);
  const [first, second] = roles.map((role) => t(`staffInvitation.roles.${role}`));
  const greeting = t('staffInvitation.greeting', { name });
  const given = second
    ? t('staffInvitation.givenTwo', { first, second })
    : t('staffInvitation.givenOne', { role: first });
  const choose = t('staffInvitation.choose');
  const after = t('staffInvitation.after', { loginUrl });
  const ignore = t('staffInvitation.ignore');
  return {
    subject: t('staffInvitation.subject'),
    text: [greeting, '', given, '', choose, '', link, '', after, '', ignore].join('\n'),
    html: [
      `<p>${escapeHtml(greeting)}</p>`,
      `<p>${escapeHtml(given)}</p>`,
      `<p>${escapeHtml(choose)}</p>`,
      `<p><a href="${escapeHtml(link)}">${escapeHtml(t('staffInvitation.button'))}</a></p>`,
      `<p>${escapeHtml(after)}</p>`,
      `<p>${escapeHtml(ignore)}</p>`,
    ].join('\n'),
  };
}
